// Shared by the hostile fixture pages: the same trafficking-lure job ad as ../job-typist.html (it must warn),
// written into <main id="scam"> with DOM text APIs before the content script runs (document_idle).
(function () {
  var main = document.getElementById('scam') || document.body.appendChild(document.createElement('main'));
  var lines = [
    ['h1', 'English Typist / Online Customer Service (no experience needed)'],
    ['p', 'Company: Golden Bay Digital Co., Ltd. Location: Sihanoukville, Cambodia.'],
    ['p', 'Basic salary $1,500 – $2,500 USD per month + high commission + monthly bonus.'],
    ['p', 'Free air ticket to Cambodia, we arrange everything. Free visa – a tourist visa is fine, company will process work papers after you arrive.'],
    ['p', 'Free accommodation and free meals 3 times a day inside the compound.'],
    ['p', 'No interview, start immediately. Send your passport photo and contact our HR manager directly on Telegram only: @goldenbay_hr_amy (no calls).'],
  ];
  for (var i = 0; i < lines.length; i++) {
    var el = document.createElement(lines[i][0]);
    el.textContent = lines[i][1];
    main.appendChild(el);
  }
})();
// What the hostile script observed, read back by the test (page world).
window.__hostile = { log: [] };
function hostileLog(what, value) {
  window.__hostile.log.push({ what: what, value: value === undefined ? null : value });
}
