/** A columnar block whose bytes do not decode; the table reader adds the file and block offset. */
export class ColumnError extends Error {}
