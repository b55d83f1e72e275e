// Regenerates the pairs of lib/engine/han-simplified.ts from OpenCC (opencc-js, not a dependency of Redflag):
//   npm install --no-save opencc-js@1.4.2 && node lib/rules/gen-han-simplified.cjs
// Every CJK unified ideograph (U+3400-U+9FFF) that OpenCC's t2s, tw2s or hk2s conversion turns into one other
// character; chains are followed to their end. Prints the PAIRS string to paste into han-simplified.ts.
const O = require('opencc-js');
const convs = [O.Converter({ from: 't', to: 'cn' }), O.Converter({ from: 'tw', to: 'cn' }), O.Converter({ from: 'hk', to: 'cn' })];
const map = new Map();
for (const [a, b] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]]) {
  for (let c = a; c <= b; c++) {
    const ch = String.fromCharCode(c);
    for (const conv of convs) {
      const s = conv(ch);
      if (s !== ch && s.length === 1 && !map.has(ch)) map.set(ch, s);
    }
  }
}
for (const [k, v] of map) {
  let x = v;
  for (let n = 0; map.has(x) && n < 5; n++) x = map.get(x);
  map.set(k, x);
}
for (const [k, v] of map) if (k === v) map.delete(k);
let pairs = '';
for (const [k, v] of [...map].sort((x, y) => x[0].codePointAt(0) - y[0].codePointAt(0))) pairs += k + v;
console.log(`${map.size} pairs`);
console.log(pairs);
