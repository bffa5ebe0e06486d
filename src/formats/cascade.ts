// Messages that only follow from another failure. Adapters mark them `cascade`: they are never
// reported as causes and never count as unclassified.
const CASCADE: RegExp[] = [
  /^Resource (?:creation|update|deletion|import) cancelled\b/i,
  /\bThe following resource\(s\) failed to (?:create|update|delete|import)\b/i,
  /\bEmbedded stack \S+ was not successfully (?:created|updated|deleted)\b/i,
  /^update failed$/i,
  /^(?:preview|refresh|destroy) failed$/i,
  /\ban unhandled error occurred: Program exited with non-zero exit code\b/i,
  /^Program failed with an unhandled exception:?$/i,
  // Pulumi's Node.js host before ts-node's diagnostics (which follow as events of their own).
  /^Running program '[^'\n]{0,500}' failed with an unhandled exception:?(?:\s+TSError: ⨯ Unable to compile TypeScript:?)?\s*$/i,
  /\bSubprocess exited with error \d+/i,
  /\b(?:exited|failed) with (?:exit )?code:? \d+/i,
  /\bProcess completed with exit code \d+/i,
  /\b(?:Job failed: exit code|script returned exit code) \d+/i,
  /^Stack \S+ (?:failed|encountered an error)\b.*\b(?:ROLLBACK|rolled back)\b/i,
  // Terraform before 0.12: the heading over the `* <address>: <error>` items below it.
  /^Error applying plan:?$/,
  /^\d+ error\(s\) occurred:?$/,
  // ts-node's wrapper around the tsc diagnostics printed under it.
  /^TSError: ⨯ Unable to compile TypeScript:?\s*$/,
  // The stack's final status, after the resource events that hold the reason.
  /^The stack named \S+ failed (?:creation|to deploy|update|deletion)\b[^:]*(?::\s*[A-Z_]+(?:_COMPLETE|_FAILED))?\s*$/,
];

export function isCascade(message: string): boolean {
  return CASCADE.some((re) => re.test(message));
}

/**
 * A resource CloudFormation stopped because another one failed (`Resource creation cancelled`):
 * not a failure statement of its own, even when the log shows nothing else.
 */
export function isCancellation(message: string): boolean {
  return CASCADE[0]!.test(message);
}
