/**
 * How hard a password or secret is to guess, by zxcvbn's estimate against common passwords, words, names, keyboard
 * walks and dates. Server-side only: its dictionaries are too large for the web app, which checks the basic rule
 * (passwordProblem) as the user types and shows the server's answer for the rest.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { passwordProblem } from "../../shared/domain.js";

let estimator: ZxcvbnFactory | undefined;
const estimate = () => {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
};

/** zxcvbn's score 3 of 4: "safely unguessable", about 10^8 guesses and more. */
const MIN_SCORE = 3;

/** What is wrong with a password for this person, in words they can act on; null when it will do. */
export function weakPasswordProblem(
  password: string,
  person: { username: string; displayName?: string },
): string | null {
  const basic = passwordProblem(password);
  if (basic) return basic;
  const lower = password.toLowerCase();
  const names = [person.username, person.displayName ?? ""]
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n.length >= 2);
  if (names.some((name) => lower.includes(name))) {
    return "密码不能包含用户名或姓名，请换一个别人猜不到的密码";
  }
  if (estimate().check(password, names).score < MIN_SCORE) {
    return "密码太容易被猜到（如常见密码、单词加数字、键盘连续键），请用三个以上互不相关的词，加上数字或符号组成";
  }
  return null;
}

/** 10^30 guesses, about 100 bits: what 32 random hexadecimal characters give and a memorable phrase does not. */
const MIN_SECRET_GUESSES_LOG10 = 30;

/** Whether a secret (the session key) is too easy to guess: repeated or sequential characters, words, dates. */
export function isWeakSecret(secret: string): boolean {
  return estimate().check(secret).guessesLog10 < MIN_SECRET_GUESSES_LOG10;
}
