/**
 * A problem inside a Pebble file: named by the file and, where known, the byte offset. The store turns it
 * into a one-line UserError that also names the .c1z the user gave.
 */
export class PebbleCorruption extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'PebbleCorruption';
  }
}

/** Pebble data this reader deliberately does not handle (blob files, value blocks, MinLZ...). */
export class PebbleUnsupported extends Error {
  constructor(
    readonly file: string,
    readonly feature: string,
  ) {
    super(`${file}: ${feature}`);
    this.name = 'PebbleUnsupported';
  }
}
