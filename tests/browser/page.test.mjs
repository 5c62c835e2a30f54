// The web page of `nutgraf serve` in headless Chromium: paste an article,
// summarize, click a key point, and check that its source words are
// highlighted and scrolled into view; then by keyboard, and at phone width.
//
//   node tests/browser/page.test.mjs NUTGRAF_BINARY ARTICLE.txt SCREENSHOT.png
//
// Exits 0 when every check holds, 1 with the failed check otherwise.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [binary, articlePath, screenshot] = process.argv.slice(2);
if (!binary || !articlePath || !screenshot) {
  console.error("usage: page.test.mjs NUTGRAF_BINARY ARTICLE.txt SCREENSHOT.png");
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

function check(ok, what) {
  if (!ok) throw new Error("check failed: " + what);
  console.log("ok: " + what);
}

/** Words, lowercased, letters and digits only: the grounding comparison. */
function words(s) {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const server = spawn(binary, ["serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
const base = await new Promise((resolve, reject) => {
  let err = "";
  server.stderr.on("data", (d) => {
    err += d;
    const m = err.match(/listening on (http:\/\/[0-9.:]+)/);
    if (m) resolve(m[1]);
  });
  server.on("exit", (c) => reject(new Error("server exited " + c + ": " + err)));
});

const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  // A cold Chromium on a busy two-core CI machine once needed more than
  // Playwright's default 30 s to show the page: allow two minutes per step.
  page.setDefaultTimeout(120000);
  page.setDefaultNavigationTimeout(120000);
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForSelector("#input", { state: "visible" });
  const article = readFileSync(articlePath, "utf8");
  await page.fill("#input", article);
  await page.click("#run");
  await page.waitForSelector(".point");
  const points = await page.$$eval(".point", (els) => els.map((e) => e.textContent));
  check(points.length >= 3, `${points.length} key points shown`);
  const headline = await page.textContent("#headline");
  check(headline.trim().length > 0, `headline shown: ${headline}`);

  // Click the last point: its source words are marked, and only those.
  const k = points.length - 1;
  await page.click(`.point[data-index="${k}"]`);
  const pressed = await page.getAttribute(`.point[data-index="${k}"]`, "aria-pressed");
  check(pressed === "true", "the clicked point is pressed");
  const marked = await page.$$eval("#article mark", (els) => els.map((e) => e.textContent).join(" "));
  check(marked.length > 0, "its source is highlighted in the article");
  check(
    words(marked).join(" ") === words(points[k]).join(" "),
    `the highlighted words are the point's words (${JSON.stringify(points[k])})`,
  );
  // Scrolled into view inside the article box.
  await page.waitForTimeout(600);
  const visible = await page.$eval("#article", (box) => {
    const m = box.querySelector("mark").getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return m.top >= b.top - 1 && m.bottom <= b.bottom + 1;
  });
  check(visible, "the highlighted source is scrolled into view");
  const quotes = await page.$$eval("#quotes li", (els) => els.length);
  const speakers = await page.$$eval("#article .s", (els) => els.length);
  check(quotes > 0 && speakers > 0, `${quotes} quotes listed, speakers marked in the text`);
  const raw = await page.getAttribute("#raw", "href");
  check(raw && raw.startsWith("blob:"), "a link to the raw JSON");
  await page.screenshot({ path: screenshot, fullPage: true });

  // By keyboard: focus the first point and press Enter.
  await page.focus('.point[data-index="0"]');
  await page.keyboard.press("Enter");
  const first = await page.getAttribute('.point[data-index="0"]', "aria-pressed");
  const before = await page.getAttribute(`.point[data-index="${k}"]`, "aria-pressed");
  check(first === "true" && before === "false", "Enter on a focused point selects it");

  // Phone width: one column, nothing wider than the window.
  await page.setViewportSize({ width: 375, height: 740 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 375, `no horizontal scrolling at 375 px (${wide})`);

  // An error is shown, not thrown.
  await page.fill("#input", "   ");
  await page.click("#run");
  const status = await page.textContent("#status");
  check(status.length > 0, `an empty article shows a message: ${status}`);
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);
