// The TempEval-3 adapter on stdin/stdout, for the scorer before `briefing timex` is wired into the CLI:
//   node ../shared/tools/tempeval3-score.mjs --data ../shared/datasets/timebank-aquaint --cmd "npx tsx bench/dates/timex-stdin.ts"
import { runTimex } from '../../src/cli/timex.js';

await runTimex(process.stdin, process.stdout);
