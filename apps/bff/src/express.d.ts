// What the pipeline has set on a request before the Express shell sees it (see app.ts).
declare global {
  namespace Express {
    interface Request {
      /** Set by the first step: accepted from `X-Request-Id` or generated. */
      requestId: string;
    }
  }
}

export {};
