import { describe, expect, it } from 'vitest';
import { externalUpn, localPart, numbered } from './names.js';
import { NameCounter } from './name-counter.js';

describe('names', () => {
  it('turns names into mail-safe local parts', () => {
    expect(localPart("Shaun.O'Hara")).toBe('shaun.ohara');
    expect(localPart('Zoë.Núñez-García')).toBe('zoe.nunez-garcia');
    expect(localPart('Sales Team 2')).toBe('sales.team');
    expect(localPart("'''")).toBe('user');
  });

  it('numbers from the second holder on', () => {
    expect(numbered('john.smith', 1)).toBe('john.smith');
    expect(numbered('john.smith', 3)).toBe('john.smith3');
  });

  it('writes guest UPNs the way Entra does', () => {
    expect(externalUpn('ann.lee@othermail.test', 'contoso.test')).toBe('ann.lee_othermail.test#EXT#@contoso.test');
  });
});

describe('NameCounter', () => {
  it('hands out each address once, ignoring case, per domain', () => {
    const names = new NameCounter();
    expect(names.address('john.smith', 'contoso.test')).toBe('john.smith@contoso.test');
    expect(names.address('John.Smith', 'contoso.test')).toBe('John.Smith2@contoso.test');
    expect(names.address('john.smith', 'other.test')).toBe('john.smith@other.test');
    expect(names.name('policy', 'AdminAccess')).toBe('AdminAccess');
    expect(names.name('policy', 'adminaccess')).toBe('adminaccess2');
    expect(names.name('role', 'AdminAccess')).toBe('AdminAccess');
  });
});
