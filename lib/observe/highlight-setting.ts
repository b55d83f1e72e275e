/** The evidence-highlighting switch (on by default), kept in extension storage; toggled from the banner. */
import { storage } from 'wxt/utils/storage';

export const highlightEvidenceSetting = storage.defineItem<boolean>('local:highlightEvidence', { fallback: true });
