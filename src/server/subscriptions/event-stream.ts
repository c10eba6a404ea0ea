import { GraphQLError } from 'graphql';
import { ChangeEvent, EventBus } from '../../services/platform/events';

export const slowConsumer = (max: number) => new GraphQLError(
  `More than ${max} events were waiting for this subscription (slow consumer): it is closed. Subscribe again and re-read what you show.`,
  { extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionQueue', max } },
);

export const eventsUnavailable = () => new GraphQLError(
  'Live events are unavailable (the event bus cannot be reached); queries and mutations still work. Subscribe again later.',
  { extensions: { code: 'SERVICE_UNAVAILABLE' } },
);

type Waiter = { resolve: (step: IteratorResult<ChangeEvent>) => void; reject: (error: unknown) => void };

/**
 * The events one subscription accepts, in publish order, in a queue of at most `max` (backpressure,
 * docs/subscriptions.md): the consumer takes the next event only after the previous one was read
 * and written to the socket, so a client that does not keep up makes the queue grow, and one event
 * more than `max` ends the subscription with LIMIT_EXCEEDED instead of holding memory without bound.
 * The bus losing its connection ends it with SERVICE_UNAVAILABLE (events may have been missed).
 * `return()` ends it at once, also while the consumer waits (the client completed or went away).
 */
export class EventStream implements AsyncIterableIterator<ChangeEvent> {
  private readonly queue: ChangeEvent[] = [];
  private waiter?: Waiter;
  private failure?: GraphQLError;
  private finished = false;
  private readonly stop: () => void;

  constructor(bus: EventBus, accept: (event: ChangeEvent) => boolean, private readonly max: number, private readonly onEnd: () => void = () => undefined) {
    this.stop = bus.listen(
      (event) => {
        if (this.finished || !accept(event)) return;
        if (this.waiter) return this.take().resolve({ value: event, done: false });
        if (this.queue.length >= this.max) return this.fail(slowConsumer(this.max));
        this.queue.push(event);
      },
      () => this.fail(eventsUnavailable()),
    );
    // Lost between the subscribe-time check and now: the loss was announced before this listened.
    if (!bus.available()) this.fail(eventsUnavailable());
  }

  next(): Promise<IteratorResult<ChangeEvent>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => { this.waiter = { resolve, reject }; });
  }

  return(): Promise<IteratorResult<ChangeEvent>> {
    this.end();
    this.waiter && this.take().resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private fail(error: GraphQLError): void {
    if (this.finished) return;
    this.end();
    this.queue.length = 0;
    if (this.waiter) this.take().reject(error);
    else this.failure = error;
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.stop();
    this.onEnd();
  }

  private take(): Waiter {
    const waiter = this.waiter!;
    this.waiter = undefined;
    return waiter;
  }
}
