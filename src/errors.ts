// One place for the errors a user can cause: each becomes one line on stderr and exit 2.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
