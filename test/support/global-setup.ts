import { runId } from './mysql-admin';

/** Names this run, so that its test databases can be found and swept at the end (global-teardown.ts). */
export default function globalSetup(): void {
  process.env.STOCKGATE_TEST_RUN = runId();
}
