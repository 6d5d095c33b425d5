/** A request the feed refuses; the gateway answers it in the ack as `{ ok: false, error }`. */
export class FeedRefusal extends Error {
  override readonly name = 'FeedRefusal';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
