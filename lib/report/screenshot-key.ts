/** Session-storage key of the screenshot the popup takes for the report page of a tab. */
export const screenshotKey = (tabId: number) => `session:report-screenshot:${tabId}` as const;
