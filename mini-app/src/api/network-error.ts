/** The result of a request that never reached the server (offline, DNS, timeout): the screens say so and keep input. */
import type { ApiError } from "./http.js";

export const NETWORK_ERROR_MESSAGE =
  "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại; thông tin bạn đã nhập vẫn được giữ trên máy.";

export function networkError(detail: string): ApiError {
  return { status: 0, code: "network", message: NETWORK_ERROR_MESSAGE, detail, fields: [] };
}
