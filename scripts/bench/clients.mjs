// Wall screens for the benchmark: Socket.IO clients holding their trust's picture, applying
// patches as the real screen does, and noting when each fed batch shows in their picture.
import { io } from 'socket.io-client';

function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function applyMergePatch(target, patch) {
  if (!isObject(patch)) return patch;
  const result = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

export class Screens {
  constructor() {
    this.sockets = [];
    this.messages = 0;
    this.bytes = 0;
    this.gaps = 0;
    /** trust → list of batches { target, events, ackAt, seen: Map(clientIndex → time) } */
    this.batches = new Map();
  }

  async open(url, tokensByTrust, count) {
    const trusts = [...tokensByTrust.keys()];
    const connectOne = (index) =>
      new Promise((resolve, reject) => {
        const trust = trusts[index % trusts.length];
        const socket = io(url, { transports: ['websocket'], auth: { token: tokensByTrust.get(trust) }, forceNew: true, reconnection: false });
        const screen = { trust, picture: null, version: 0, next: 0 };
        socket.io.engine?.on('packet', (packet) => {
          if (typeof packet.data === 'string') this.bytes += packet.data.length;
        });
        socket.on('connect', async () => {
          socket.io.engine.on('packet', (packet) => {
            if (typeof packet.data === 'string') this.bytes += packet.data.length;
          });
          const answer = await socket.emitWithAck('picture.subscribe', { trust });
          if (!answer.ok) return reject(new Error(answer.error));
          screen.picture = answer.data;
          screen.version = answer.version;
          resolve();
        });
        socket.on('connect_error', reject);
        socket.on('picture.update', (update) => {
          this.messages++;
          if ('picture' in update) screen.picture = update.picture;
          else if (update.version === screen.version + 1) screen.picture = applyMergePatch(screen.picture, update.patch);
          else {
            this.gaps++;
            return;
          }
          screen.version = update.version;
          this.noteSeen(index, screen);
        });
        this.sockets.push({ socket, screen, index });
      });
    for (let i = 0; i < count; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => connectOne(i + j)));
    }
  }

  /** A batch was posted: a picture reflects it once answeredToday reaches `target`. */
  fed(trust, batch) {
    if (!this.batches.has(trust)) this.batches.set(trust, []);
    this.batches.get(trust).push(batch);
  }

  noteSeen(index, screen) {
    const list = this.batches.get(screen.trust) ?? [];
    const answered = screen.picture.calls.answeredToday;
    const now = performance.now();
    while (screen.next < list.length && list[screen.next].target <= answered) {
      list[screen.next].seen.set(index, now);
      screen.next++;
    }
  }

  resetCounters() {
    this.messages = 0;
    this.bytes = 0;
    this.batches = new Map();
    for (const { screen } of this.sockets) screen.next = 0;
  }

  close() {
    for (const { socket } of this.sockets) socket.close();
  }
}
