/**
 * The part of playwright-core (a devDependency, package.json) that the playground's browser
 * test uses. Declared here so the test tree type-checks in checkouts whose node_modules predate
 * the dependency (worktrees share main's node_modules until it is reinstalled); an ambient
 * declaration takes precedence over node_modules, so these types are the ones checked. Delete
 * this file once every node_modules has playwright-core.
 */
declare module 'playwright-core' {
  export interface Request {
    url(): string;
    method(): string;
    headers(): Record<string, string>;
    postData(): string | null;
    postDataJSON(): any;
    response(): Promise<Response | null>;
    failure(): { errorText: string } | null;
  }
  export interface Response {
    url(): string;
    status(): number;
    json(): Promise<any>;
    request(): Request;
  }
  export interface Locator {
    click(): Promise<void>;
    selectOption(value: string): Promise<string[]>;
    waitFor(): Promise<void>;
  }
  export interface Page {
    goto(url: string): Promise<Response | null>;
    locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
    evaluate(script: string): Promise<unknown>;
    waitForRequest(predicate: (request: Request) => boolean): Promise<Request>;
    waitForResponse(predicate: (response: Response) => boolean): Promise<Response>;
    on(event: 'console', listener: (message: { type(): string; text(): string }) => void): Page;
    on(event: 'pageerror', listener: (error: Error) => void): Page;
    on(event: 'requestfailed', listener: (request: Request) => void): Page;
    on(event: 'response', listener: (response: Response) => void): Page;
  }
  export interface Browser {
    newPage(): Promise<Page>;
    close(): Promise<void>;
  }
  export const chromium: {
    launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser>;
  };
}
