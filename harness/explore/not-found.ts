/** What a page asks for that the file does not hold: answered 404 with the message, not as a server error. */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}
