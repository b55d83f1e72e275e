/**
 * Telecom_Fraud_Texts_5 (zh_telecom_fraud_texts5): all_utf8.csv (content, label_code, label_zh, label_en)
 * or one per-class file labelNN-last*.csv (content, label). Class 0 normal → benign. Classes 1 (police /
 * government), 3 (customer service) and 4 (leader / acquaintance) are impersonation; class 2 (loan and
 * credit-card fraud, pitched by fake lenders and platform "customer service") is also counted as
 * impersonation, as Redflag has no loan type; the per-group figures keep it apart.
 */
import { basename } from 'node:path';
import { readCsvRecords } from '../csv';
import type { Adapter, EvalLabel } from '../types';
import { datasetFiles, matchesDataset, row, rowId, skip } from './util';

const FOLDER = 'zh_telecom_fraud_texts5';
const ALL = /^all_utf8\.csv$/;
const PER_CLASS = /^label0([0-4])-last(\.utf8)?\.csv$/;

export const ZH_CLASSES: Record<string, { label: EvalLabel; group: string }> = {
  '0': { label: 'benign', group: '0 normal' },
  '1': { label: 'impersonation', group: '1 police/government' },
  '2': { label: 'impersonation', group: '2 loan/credit card' },
  '3': { label: 'impersonation', group: '3 customer service' },
  '4': { label: 'impersonation', group: '4 leader/acquaintance' },
};

export const zhTelecomFraudTexts5: Adapter = {
  name: FOLDER,
  description: 'Chinese telecom-fraud texts, 4 fraud classes (→ impersonation) + normal (→ benign)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, /^(all_utf8|label0[0-4]-last(\.utf8)?)\.csv$/),
  async *rows(path, options) {
    const files = ALL.test(basename(path)) || PER_CLASS.test(basename(path)) ? [path] : datasetFiles(path, ALL);
    for (const f of files) {
      const perClass = PER_CLASS.exec(basename(f));
      const required = perClass ? ['content'] : ['content', 'label_code'];
      for await (const { record, line } of readCsvRecords(f, { required })) {
        const id = rowId(f, `#${line}`);
        const code = perClass ? perClass[1]! : record.label_code!.trim();
        const cls = ZH_CLASSES[code];
        if (!cls) {
          skip(options, id, `label_code ${JSON.stringify(code)} is not 0-4`);
          continue;
        }
        if (!record.content?.trim()) {
          skip(options, id, 'empty content');
          continue;
        }
        yield row(id, { surface: 'sms', text: record.content }, cls.label, cls.group);
      }
    }
  },
};
