import { describe, expect, it } from 'vitest';
import { formatSdkTime, sdkTimeToMillis, sdkTimeToRfc3339 } from './sdk-time.js';

describe('sdk time text', () => {
  it.each([
    ['2025-12-17 16:31:25.057185', '2025-12-17T16:31:25.057185Z'],
    ['2025-12-17 16:31:25', '2025-12-17T16:31:25Z'],
    ['2025-12-17 16:31:25.5', '2025-12-17T16:31:25.500Z'],
    ['2025-12-17 16:31:25.1234', '2025-12-17T16:31:25.123400Z'],
    ['2025-12-17 16:31:25.123456789', '2025-12-17T16:31:25.123456789Z'],
    ['2025-12-17T16:31:25.057Z', '2025-12-17T16:31:25.057Z'],
    ['2025-12-17 18:31:25+02:00', '2025-12-17T16:31:25Z'],
  ])('reads %s as %s', (text, rfc) => {
    expect(sdkTimeToRfc3339(text)).toBe(rfc);
  });

  it('rejects what is not a time', () => {
    expect(sdkTimeToRfc3339('yesterday')).toBeUndefined();
    expect(sdkTimeToMillis('')).toBeNaN();
  });

  it('writes the SDK layout, trimming the fraction like Go', () => {
    expect(formatSdkTime(new Date('2026-03-03T09:45:13.050Z'))).toBe('2026-03-03 09:45:13.05');
    expect(formatSdkTime(new Date('2026-03-03T09:45:13.000Z'))).toBe('2026-03-03 09:45:13');
    expect(sdkTimeToMillis(formatSdkTime(new Date(1_700_000_000_123)))).toBe(1_700_000_000_123);
  });
});
