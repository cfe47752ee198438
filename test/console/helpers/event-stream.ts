/** The first server-sent event of a stream, parsed (the stream is then cancelled). */
export async function firstEvent(res: Response): Promise<Record<string, unknown>> {
  const reader = res.body!.getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("stream ended");
    text += new TextDecoder().decode(value);
    const m = /data: (.*)\n\n/.exec(text);
    if (m) {
      await reader.cancel();
      return JSON.parse(m[1]!) as Record<string, unknown>;
    }
  }
}
