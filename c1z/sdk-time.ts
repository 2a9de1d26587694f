/**
 * Timestamps as the Go SDK stores them in v1 files: TEXT in Go's layout `2006-01-02 15:04:05.999999999`
 * (fraction trimmed of trailing zeros, no zone). The writer's local zone is lost; like the SDK's own reader
 * we read them as UTC, and this project writes UTC.
 */
const SDK_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** SDK text (or an RFC 3339 string) to protojson's Timestamp form: UTC with 0, 3, 6 or 9 fraction digits. */
export function sdkTimeToRfc3339(text: string): string | undefined {
  const match = SDK_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, fraction = '', zone] = match;
  if (zone && zone !== 'Z') {
    // Rare (a hand-edited file); normalise through Date, keeping millisecond precision.
    const parsed = new Date(`${date}T${time}${fraction ? `.${fraction}` : ''}${zone}`);
    return Number.isNaN(parsed.getTime()) ? undefined : formatRfc3339(parsed.toISOString());
  }
  const trimmed = fraction.replace(/0+$/, '');
  const digits = trimmed.length === 0 ? 0 : trimmed.length <= 3 ? 3 : trimmed.length <= 6 ? 6 : 9;
  return `${date}T${time}${digits ? `.${trimmed.padEnd(digits, '0')}` : ''}Z`;
}

function formatRfc3339(iso: string): string {
  return sdkTimeToRfc3339(iso.replace(/Z$/, '')) ?? iso;
}

/** A Date in the SDK's text layout, UTC. Millisecond precision, as JavaScript clocks give. */
export function formatSdkTime(date: Date): string {
  const iso = date.toISOString(); // 2026-03-03T09:45:13.056Z
  const [day, rest = ''] = iso.slice(0, -1).split('T');
  const [clock, fraction = ''] = rest.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${day} ${clock}${trimmed ? `.${trimmed}` : ''}`;
}

/** Milliseconds since the epoch, for ordering and durations; NaN when the text is not a time. */
export function sdkTimeToMillis(text: string): number {
  const rfc = sdkTimeToRfc3339(text);
  return rfc ? Date.parse(rfc) : Number.NaN;
}
