/**
 * A small JSON-over-HTTP(S) client for the Zalo APIs: keep-alive sockets, a timeout per call, bounded response
 * size. Lighter than a general HTTP library on the chatbot's hot path (one call per answer).
 */
import http from "node:http";
import https from "node:https";

export interface JsonResponse {
  status: number;
  /** Parsed JSON body; undefined when the body was not JSON. */
  data: unknown;
}

export interface JsonTransport {
  post(url: string, body: unknown, headers: Record<string, string>): Promise<JsonResponse>;
}

const MAX_RESPONSE_BYTES = 1_000_000;

export function createJsonTransport(timeoutMs = 10_000): JsonTransport {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
  const urls = new Map<string, URL>();
  return {
    post(url, body, headers) {
      let u = urls.get(url);
      if (!u) {
        u = new URL(url);
        if (urls.size < 100) urls.set(url, u);
      }
      const target = u;
      const payload = Buffer.from(JSON.stringify(body), "utf8");
      const secure = target.protocol === "https:";
      return new Promise<JsonResponse>((resolve, reject) => {
        const req = (secure ? https : http).request(
          {
            hostname: target.hostname,
            port: target.port,
            path: `${target.pathname}${target.search}`,
            method: "POST",
            agent: secure ? agents["https:"] : agents["http:"],
            timeout: timeoutMs,
            headers: { ...headers, "content-type": "application/json", "content-length": payload.length },
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on("data", (c: Buffer) => {
              size += c.length;
              if (size > MAX_RESPONSE_BYTES) req.destroy(new Error("response too large"));
              else chunks.push(c);
            });
            res.on("end", () => {
              let data: unknown;
              try {
                data = JSON.parse(Buffer.concat(chunks).toString("utf8"));
              } catch {
                data = undefined;
              }
              resolve({ status: res.statusCode ?? 0, data });
            });
            res.on("error", reject);
          },
        );
        req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on("error", reject);
        req.end(payload);
      });
    },
  };
}
