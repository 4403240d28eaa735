/** Types for web/directLine.mjs, for the tests that import it. */
export interface Subscription {
  closed: boolean;
  unsubscribe(): void;
}
export interface Observer<T> {
  next?(value: T): void;
  error?(error: unknown): void;
  complete?(): void;
}
export interface Observable<T> {
  subscribe(observer: Observer<T> | ((value: T) => void)): Subscription;
}
export type Activity = Record<string, unknown> & { type: string };

export declare const ConnectionStatus: Readonly<{
  Uninitialized: 0;
  Connecting: 1;
  Online: 2;
  Ended: 5;
}>;

export interface LocalDirectLine {
  activity$: Observable<Activity>;
  connectionStatus$: Observable<number>;
  postActivity(activity: Activity): Observable<string>;
  setUserId(id: string): void;
  end(): void;
  readonly conversationId: string;
}

export declare function createLocalDirectLine(options?: {
  endpoint?: string;
  fetch?: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ) => Promise<Response>;
  bot?: { id: string; name?: string };
  conversationId?: string;
  now?: () => Date;
  newId?: () => string;
}): LocalDirectLine;
