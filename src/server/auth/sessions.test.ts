import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "../db/schema.js";
import { signedInUser } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

const IDLE_MINUTES = 30;
const IDLE_MS = IDLE_MINUTES * 60_000;
let t: TestApp;
let admin: string;
/** the app's clock runs this far ahead of the real one (the injectable clock, src/server/clock.ts) */
let ahead = 0;

beforeAll(async () => {
  t = await buildTestApp(
    { FAZHI_SESSION_IDLE_MINUTES: String(IDLE_MINUTES), FAZHI_SESSION_ABSOLUTE_HOURS: "24" },
    { clock: () => new Date(Date.now() + ahead) },
  );
  admin = await t.login("admin");
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
  ahead = 0;
});

const me = (cookie: string) => t.request({ method: "GET", url: "/api/auth/me", cookie });
const storedLastSeen = async (userId: number) => {
  const [row] = await t.database.db
    .select({ lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return row.lastSeenAt.getTime();
};

describe("idle timeout, exact to the request", () => {
  it("keeps a session used 30 s after sign-in when the timeout + 1 s has passed since sign-in", async () => {
    const { user, cookie } = await signedInUser(t, admin);
    const signedIn = await storedLastSeen(user.id);
    ahead = 30_000;
    expect((await me(cookie)).statusCode).toBe(200);
    // under a minute: the last-seen write was skipped
    expect(await storedLastSeen(user.id)).toBe(signedIn);
    ahead = IDLE_MS + 1_000;
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("keeps it too when the session was looked up again after the 5 s cache", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const { user, cookie } = await signedInUser(t, admin);
    const signedIn = await storedLastSeen(user.id);
    vi.setSystemTime(Date.now() + 30_000);
    expect((await me(cookie)).statusCode).toBe(200);
    expect(await storedLastSeen(user.id)).toBe(signedIn);
    vi.setSystemTime(signedIn + IDLE_MS + 1_000);
    expect((await me(cookie)).statusCode).toBe(200);
    // that one was over a minute after the last write: it is written
    expect(await storedLastSeen(user.id)).toBe(signedIn + IDLE_MS + 1_000);
  });

  it("refuses a session idle for exactly the timeout + 1 s though its last request was not written", async () => {
    const { user, cookie } = await signedInUser(t, admin);
    const signedIn = await storedLastSeen(user.id);
    ahead = 30_000;
    expect((await me(cookie)).statusCode).toBe(200);
    expect(await storedLastSeen(user.id)).toBe(signedIn);
    ahead = 30_000 + IDLE_MS + 1_000;
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("unauthenticated");
  });
});
