/**
 * Schema of a rule file (rules/<type-dir>/<rule-id>.yaml), documented in rules/README.md.
 * Node-side only (build, tests, CLI); the extension ships the compiled pack, not this schema.
 */
import { z } from 'zod';
import { SCAM_TYPES, SURFACES } from '../engine/types';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const LangSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/, 'expected an ISO 639-1 code such as "en" or "km"');
const Confidence = z.enum(['low', 'medium', 'high']);

export const PhraseSchema = z.union([nonEmpty, z.strictObject({ p: nonEmpty, confidence: Confidence })], {
  error: 'expected a phrase string or { p: "...", confidence: low|medium|high }',
});

export const UrlPredicateSchema = z
  .strictObject({
    hostSuffix: z.array(nonEmpty).min(1).optional(),
    tld: z.array(z.string().regex(/^[a-z0-9-]+$/, 'a TLD without dot, lower case')).min(1).optional(),
    ip: z.boolean().optional(),
    scheme: z.array(z.string().regex(/^[a-z][a-z0-9+.-]*$/, 'a scheme without colon, lower case')).min(1).optional(),
    punycode: z.boolean().optional(),
    userinfo: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'needs at least one of hostSuffix, tld, ip, scheme, punycode, userinfo');

export const FIELD_PATTERN = /^(?:text|title|url|links|message|messages|fields\.[A-Za-z_][\w-]*)$/;

export const SelectionSchema = z
  .strictObject({
    label: nonEmpty.optional(),
    context: z.boolean().optional(),
    field: z.string().regex(FIELD_PATTERN, 'expected text, title, url, links, message or fields.<name>').optional(),
    from: z.enum(['them', 'me']).optional(),
    min: z.number().int().min(1).optional(),
    phrases: z.record(LangSchema, z.array(PhraseSchema).min(1, 'list at least one phrase')).optional(),
    regex: z.union([nonEmpty, z.array(nonEmpty).min(1)]).optional(),
    url: UrlPredicateSchema.optional(),
    salary: z.strictObject({ minUsdMonthly: z.number().positive() }).optional(),
    missing: z.array(nonEmpty).min(1).optional(),
  })
  .refine(
    (s) => s.phrases !== undefined || s.regex !== undefined || s.url !== undefined || s.salary !== undefined || s.missing !== undefined,
    'a selection needs phrases, regex, url, salary or missing',
  );

export const ChatMessageSchema = z.strictObject({ from: z.enum(['them', 'me', 'unknown']), text: z.string() });

/** One engine input. Unknown keys are dropped (the scan CLI accepts extra keys such as `label`); rule examples use the strict form. */
export const ScanInputSchema = z.object({
  surface: z.enum(SURFACES as [string, ...string[]], { error: `surface must be one of ${SURFACES.join(', ')}` }),
  text: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  fields: z.record(z.string(), z.string().optional()).optional(),
  messages: z.array(ChatMessageSchema).optional(),
  links: z.array(z.string()).optional(),
  lang: z.string().optional(),
});

export const ExampleSchema = z.union([nonEmpty, ScanInputSchema.strict()], { error: 'expected a string or a scan input { surface, text, ... }' });

export const DetectionSchema = z.object({ condition: nonEmpty.optional() }).catchall(SelectionSchema);

const ScamTypeSchema = z.enum(SCAM_TYPES as [string, ...string[]]);

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
  title: nonEmpty,
  type: ScamTypeSchema,
  role: z.enum(['detect', 'suppress']).default('detect'),
  suppresses: z.array(ScamTypeSchema).min(1).optional(),
  demandsAction: z.boolean().default(false),
  level: z.enum(['low', 'medium', 'high']),
  weight: z.number().min(0).max(100).optional(),
  status: z.enum(['experimental', 'test', 'stable', 'deprecated']),
  surfaces: z.array(z.enum(SURFACES as [string, ...string[]])).min(1),
  languages: z.array(LangSchema).min(1),
  description: nonEmpty,
  why: nonEmpty,
  advice: nonEmpty,
  references: z.array(nonEmpty).min(1, 'needs at least one reference'),
  falsePositives: z.union([nonEmpty, z.array(nonEmpty).min(1, 'needs at least one sentence')]),
  indicators: z.array(z.string().regex(/^[A-Z]{1,3}\d{2}$/, 'an INDICATORS.md id such as FJ09 or X10')).optional(),
  i18n: z.record(LangSchema, z.strictObject({ title: nonEmpty.optional(), why: nonEmpty.optional(), advice: nonEmpty.optional() })).optional(),
  detection: DetectionSchema,
  examples: z.strictObject({
    match: z.array(ExampleSchema).min(2, 'needs at least 2 match examples'),
    noMatch: z.array(ExampleSchema).min(2, 'needs at least 2 noMatch examples'),
  }),
});

export type RuleFile = z.infer<typeof RuleSchema>;
export type SelectionFile = z.infer<typeof SelectionSchema>;
export type Example = z.infer<typeof ExampleSchema>;

/** Optional rules/scoring.yaml: overrides of the scoring constants (see ScoringConfig). */
export const ScoringSchema = z.strictObject({
  levelWeights: z.strictObject({ low: z.number().min(0), medium: z.number().min(0), high: z.number().min(0) }).optional(),
  thresholds: z.strictObject({ low: z.number().positive(), medium: z.number().positive(), high: z.number().positive() }).optional(),
  warnLevel: z.enum(['low', 'medium', 'high']).optional(),
  typeOrder: z.array(ScamTypeSchema).length(SCAM_TYPES.length).optional(),
});

/** Type directory under rules/ for each scam type; suppressors live in `suppressors/`. */
export const TYPE_DIRS: Record<string, string> = {
  'fake-job': 'fake_job',
  'pig-butchering': 'pig_butchering',
  'crypto-investment': 'crypto_investment',
  impersonation: 'impersonation',
};
export const SUPPRESSOR_DIR = 'suppressors';
