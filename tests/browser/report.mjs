// tests/browser/report.mjs - the HTML report of art-fmt in a real browser.
//
//   node report.mjs CHROMIUM ARTEFACTS REPORT.html...
//
// Opens each report in Debian's chromium (headless, through puppeteer-core)
// at 1280 and at 400 px, in the light and the dark scheme and as printed,
// and checks what a reader would see: nothing wider than the window, every
// label of every chart inside its picture and not clipped, no console
// error.  A full-page screenshot of each is kept in ARTEFACTS.  Ends with
// "N passed, N failed" and exits 1 when anything failed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import puppeteer from "puppeteer-core";

const [chromium, artefacts, ...reports] = process.argv.slice(2);
if (!chromium || !artefacts || reports.length === 0) {
	console.error("usage: node report.mjs CHROMIUM ARTEFACTS REPORT.html...");
	process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "art-chromium-"));
const browser = await puppeteer.launch({
	executablePath: chromium,
	headless: true,
	userDataDir: profile,
	args: [
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--no-first-run",
		"--hide-scrollbars",
	],
});

let passed = 0;
let failed = 0;
function check(ok, what) {
	if (ok) {
		passed++;
	} else {
		failed++;
		console.log(`FAIL: ${what}`);
	}
}

// What the page shows that a reader would call broken, measured in it.
function measure() {
	const width = document.documentElement.clientWidth;
	const wide = [];
	for (const el of document.querySelectorAll("body *")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
			wide.push(`<${el.tagName.toLowerCase()}> ${Math.round(r.left)}..${Math.round(r.right)}`);
	}
	const labels = [];
	let count = 0;
	for (const svg of document.querySelectorAll("svg")) {
		const box = svg.getBoundingClientRect();
		for (const text of svg.querySelectorAll("text")) {
			count++;
			const r = text.getBoundingClientRect();
			const inside =
			    r.left >= box.left - 0.5 && r.right <= box.right + 0.5 &&
			    r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
			if (!inside || r.width === 0)
				labels.push(`"${text.textContent}" at ${Math.round(r.left)}..${Math.round(r.right)} ` +
				            `in ${Math.round(box.left)}..${Math.round(box.right)}`);
		}
	}
	return {
		scroll: document.documentElement.scrollWidth,
		width,
		wide: wide.slice(0, 5),
		nwide: wide.length,
		labels: labels.slice(0, 5),
		nlabels: labels.length,
		texts: count,
		pictures: document.querySelectorAll("svg").length,
		scripts: document.querySelectorAll("script").length,
		background: getComputedStyle(document.body).backgroundColor,
		dark: matchMedia("(prefers-color-scheme: dark)").matches,
		print: matchMedia("print").matches,
	};
}

const views = [
	{ width: 1280, scheme: "light", media: "screen" },
	{ width: 400, scheme: "light", media: "screen" },
	{ width: 1280, scheme: "dark", media: "screen" },
	{ width: 400, scheme: "dark", media: "screen" },
	{ width: 800, scheme: "dark", media: "print" },
];

for (const report of reports) {
	const name = basename(report, ".html");
	for (const view of views) {
		const what = `${name} at ${view.width} px, ${view.scheme}, ${view.media}`;
		const page = await browser.newPage();
		const errors = [];
		page.on("console", (msg) => {
			if (msg.type() === "error")
				errors.push(msg.text());
		});
		page.on("pageerror", (err) => errors.push(String(err)));
		await page.setViewport({ width: view.width, height: 900 });
		// both at once: puppeteer's emulateMediaType and emulateMediaFeatures
		// each reset what the other set
		const cdp = await page.createCDPSession();
		await cdp.send("Emulation.setEmulatedMedia", {
			media: view.media,
			features: [{ name: "prefers-color-scheme", value: view.scheme }],
		});
		await page.goto("file://" + resolve(report), { waitUntil: "load" });
		const m = await page.evaluate(measure);
		check(m.scroll <= m.width, `${what}: the page scrolls sideways (${m.scroll} > ${m.width})`);
		check(m.nwide === 0, `${what}: ${m.nwide} elements wider than the window: ${m.wide.join("; ")}`);
		check(m.nlabels === 0, `${what}: ${m.nlabels} chart texts outside their picture: ${m.labels.join("; ")}`);
		check(m.scripts === 0, `${what}: a script element`);
		check(m.dark === (view.scheme === "dark") && m.print === (view.media === "print"),
		      `${what}: the scheme or medium was not emulated`);
		// on screen the page follows the reader's scheme; on paper it is
		// black on white whatever the scheme
		const light = m.background === "rgb(255, 255, 255)";
		check(view.media === "print" || view.scheme === "dark" ? light === (view.media === "print") : light,
		      `${what}: background ${m.background}`);
		check(errors.length === 0, `${what}: console errors: ${errors.join("; ")}`);
		const shot = join(artefacts, `${name}-${view.width}-${view.scheme}-${view.media}.png`);
		await page.screenshot({ path: shot, fullPage: true });
		console.log(`${what}: ${m.pictures} pictures, ${m.texts} chart texts, ${shot}`);
		await page.close();
	}
}

await browser.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
