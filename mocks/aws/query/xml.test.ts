import { describe, expect, it } from 'vitest';
import { members, renderXml, x } from './xml.js';

describe('xml', () => {
  it('renders nested elements, member lists and escapes text', () => {
    const doc = renderXml(
      x('ListUsersResponse', [x('ListUsersResult', [members('Users', [[x('UserName', 'a&b<c>'), x('Path', undefined)]]), x('IsTruncated', false)])]),
      'https://iam.amazonaws.com/doc/2010-05-08/',
    );
    expect(doc).toBe(
      [
        '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">',
        '  <ListUsersResult>',
        '    <Users>',
        '      <member>',
        '        <UserName>a&amp;b&lt;c&gt;</UserName>',
        '      </member>',
        '    </Users>',
        '    <IsTruncated>false</IsTruncated>',
        '  </ListUsersResult>',
        '</ListUsersResponse>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty list as an empty element', () => {
    expect(renderXml(x('R', [members('Users', [])]), 'ns')).toContain('  <Users/>\n');
  });
});
