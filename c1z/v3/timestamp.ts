/**
 * A protobuf Timestamp as RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits, as protojson writes it and as
 * the v1 reader gives the SDK's stored times: the same sync reads the same from a v1 and a v3 file (a Date
 * would cut the SDK's microseconds to milliseconds).
 */
export function timestampRfc3339(timestamp: { seconds: bigint; nanos: number }): string {
  const whole = new Date(Number(timestamp.seconds) * 1000).toISOString().replace(/\.\d+Z$/, '');
  const nanos = String(timestamp.nanos).padStart(9, '0');
  const digits = timestamp.nanos === 0 ? 0 : nanos.endsWith('000000') ? 3 : nanos.endsWith('000') ? 6 : 9;
  return `${whole}${digits ? `.${nanos.slice(0, digits)}` : ''}Z`;
}
