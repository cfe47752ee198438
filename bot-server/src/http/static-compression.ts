/**
 * gzip for the static bundles (/m/ and the console front-end): cheap phones on mobile data load the first screen
 * in a third of the bytes. JSON APIs and the mirror's event stream are left alone: compressing a few hundred bytes
 * of JSON costs more CPU than it saves, and a compressed event stream would be held back in the gzip buffer.
 */
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

/** Path prefixes (relative to the mount point) that are never compressed. */
export function staticCompression(skipPrefixes: readonly string[] = []): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req: Request, res: Response) =>
      !skipPrefixes.some((p) => req.path.startsWith(p)) && compression.filter(req, res),
  });
}
