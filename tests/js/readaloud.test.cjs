// Voice selection of overrides/assets/tsunagu/readaloud.js with fake voice lists: only voices on the device
// (localService === true) are ever picked; none for the page's language means no button.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const { pickVoice, pieces } = require(path.join(root, "overrides", "assets", "tsunagu", "readaloud.js"));

const v = (name, lang, localService, isDefault = false) => ({ name, lang, localService, default: isDefault });
const cloudJa = v("Google 日本語", "ja-JP", false, true);
const localJa = v("Kyoko", "ja-JP", true);
const localEn = v("Daniel", "en-GB", true);
const localEnUs = v("Samantha", "en-US", true, true);
const cloudZh = v("Google 普通话", "zh-CN", false);
const localZhTw = v("Meijia", "zh-TW", true);
const localZhCn = v("Tingting", "zh-CN", true);

test("a cloud voice is never picked, even as the device's default", () => {
  assert.strictEqual(pickVoice([cloudJa], "ja"), null);
  assert.strictEqual(pickVoice([cloudJa, localJa], "ja"), localJa);
});

test("no voice for the page's language: no voice (the button stays hidden)", () => {
  assert.strictEqual(pickVoice([localEn, localJa], "vi"), null);
  assert.strictEqual(pickVoice([], "ja"), null);
  assert.strictEqual(pickVoice(undefined, "ja"), null);
  assert.strictEqual(pickVoice([localJa], ""), null);
});

test("a voice whose localService is missing or not exactly true is not trusted", () => {
  assert.strictEqual(pickVoice([{ name: "x", lang: "ja-JP" }], "ja"), null);
  assert.strictEqual(pickVoice([{ name: "x", lang: "ja-JP", localService: "true" }], "ja"), null);
});

test("the exact language first, then the usual region, then the default, then any", () => {
  assert.strictEqual(pickVoice([localEn, localEnUs], "en-GB"), localEn);
  assert.strictEqual(pickVoice([localEn, localEnUs], "en"), localEnUs);  // the device's default
  assert.strictEqual(pickVoice([localZhTw, cloudZh, localZhCn], "zh"), localZhCn);
  assert.strictEqual(pickVoice([localZhTw, cloudZh], "zh"), localZhTw);
  assert.strictEqual(pickVoice([v("A", "ko_KR", true)], "ko").name, "A");  // Android writes ko_KR
});

test("text is cut into sentences of at most 200 characters", () => {
  assert.deepStrictEqual(pieces("ひとつめ。ふたつめ！ Third one. Fourth"), ["ひとつめ。", "ふたつめ！", "Third one.", "Fourth"]);
  const long = pieces("あ".repeat(450));
  assert.deepStrictEqual(long.map((s) => s.length), [200, 200, 50]);
});
