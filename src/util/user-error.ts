// An error the user can fix: printed as its message (no stack) and mapped to exit code 2.
export class UserError extends Error {
  constructor(
    message: string,
    /** What to do next, printed under the message. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
