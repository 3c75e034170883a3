import type { SecretInput } from '../../src-main/cli/terminal';

/**
 * A terminal for `keel`'s passphrase prompts: it answers each question with the next of `answers`
 * (a terminal only while there are answers left) and records the prompts.
 */
export function terminal(answers: string[], stdin = ''): SecretInput & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isTty: () => answers.length > 0,
    ask: async (prompt) => {
      asked.push(prompt);
      return answers.shift() ?? '';
    },
    readStdin: async () => stdin,
  };
}
