/**
 * The one HTTP client of every call to Zalo (OA messages, OAuth token refresh, Graph, Mini App notifications): axios
 * over keep-alive sockets, a timeout per call, a bounded answer. Every HTTP status comes back to the caller (Zalo
 * answers errors with 200 and a non-zero `error`, and the callers classify statuses themselves); `data` is the parsed
 * JSON, or undefined when the answer was not JSON.
 */
import http from "node:http";
import https from "node:https";
import axios, { type AxiosInstance } from "axios";

const MAX_RESPONSE_BYTES = 1_000_000;

export function createZaloHttp(timeoutMs = 10_000): AxiosInstance {
  return axios.create({
    timeout: timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
    maxContentLength: MAX_RESPONSE_BYTES,
    validateStatus: () => true,
    responseType: "text",
    transformResponse: [
      (raw: unknown) => {
        if (typeof raw !== "string") return raw;
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          return undefined;
        }
      },
    ],
  });
}
