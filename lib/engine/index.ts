/** Public entry of the Redflag engine. */
export { createEngine, engineSteps, scoreFindings, compareIds, insideQuotes, PackError, MAX_FIELD_CHARS } from './engine';
export { normalizeText, normalizePhrase, originalSpan, type NormalizedText } from './normalize-text';
export { DEFAULT_SCORING, PACK_FORMAT, type RulePack, type PackRule, type PackSelection, type ScoringConfig, type UrlPredicate, type SalaryPredicate } from './pack';
export { compileCondition, parseCondition, ConditionError } from './condition';
export { parseChatText, CHAT_WINDOW_MESSAGES, CHAT_WINDOW_CHARS } from './chat';
export * from './types';
