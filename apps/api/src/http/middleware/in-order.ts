import type { NextFunction, Request, RequestHandler, Response } from "express";

/** Runs connect-style handlers in order, as express runs consecutive layers; an error, or the end of the list, goes to `done`. */
export function runInOrder(handlers: readonly RequestHandler[], req: Request, res: Response, done: NextFunction): void {
  let i = 0;
  const next = (err?: unknown) => {
    if (err) return done(err);
    const handler = handlers[i++];
    if (!handler) return done();
    try {
      const result: unknown = handler(req, res, next);
      if (result instanceof Promise) result.catch(done);
    } catch (e) {
      done(e);
    }
  };
  next();
}

/**
 * Several middlewares that every request passes as ONE express layer named
 * `name`: express matches, trims and restores the path per layer, and on the
 * hottest paths that bookkeeping cost more than some of the middlewares did.
 */
export function inOrder(name: string, handlers: readonly RequestHandler[]): RequestHandler {
  const layer: RequestHandler = (req, res, next) => runInOrder(handlers, req, res, next);
  return Object.defineProperty(layer, "name", { value: name });
}
