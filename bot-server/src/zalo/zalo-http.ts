/**
 * The one HTTP client of every call to Zalo (OA Open API, OAuth, Graph, Mini App Open API): one axios instance per
 * process with keep-alive sockets, a bounded answer size, and every HTTP status returned rather than thrown, so each
 * caller classifies Zalo's answers itself (zalo/zalo-error.ts). Each call passes its own time limit.
 */
import http from "node:http";
import https from "node:https";
import axios, { type AxiosInstance } from "axios";

export type ZaloHttp = AxiosInstance;

const MAX_ANSWER_BYTES = 1_000_000;

export function createZaloHttp(timeoutMs = 10_000): ZaloHttp {
  return axios.create({
    timeout: timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
    maxContentLength: MAX_ANSWER_BYTES,
    maxRedirects: 0,
    validateStatus: () => true,
  });
}

/** A parsed JSON answer, or undefined when Zalo's answer was not JSON (axios leaves such a body as a string). */
export function jsonOf(data: unknown): unknown {
  return typeof data === "object" && data !== null ? data : undefined;
}
