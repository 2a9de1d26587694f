/**
 * The AWS SDK's own shapes as they travel on the wire, so rendered IAM and Identity Store entities are
 * type-checked against the SDK's published models: a misspelt or invented member fails the build. The
 * Query protocol writes timestamps as ISO 8601 text; awsJson1_1 writes epoch seconds.
 */
type Present<T> = Exclude<T, undefined>;

/** Members as the Query protocol (IAM, STS) writes them: XML text for timestamps, scalars as they are. */
export type OnQueryWire<T> = {
  [K in keyof T]?: Present<T[K]> extends Date ? string : Present<T[K]> extends string | number | boolean ? Present<T[K]> : never;
};

/** Members as awsJson1_1 (Identity Store) writes them: epoch seconds for timestamps, nested shapes as JSON. */
export type OnJsonWire<T> = {
  [K in keyof T]?: Present<T[K]> extends Date
    ? number
    : Present<T[K]> extends Array<infer E>
      ? Array<OnJsonWire<E>>
      : Present<T[K]> extends object
        ? OnJsonWire<Present<T[K]>>
        : Present<T[K]>;
};
