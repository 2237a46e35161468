/**
 * The demo portal page: what a province's portal looks like with the widget embedded.
 * `scriptUrl` is the page's own script tag; `embedUrl` the absolute one shown to other portals.
 */
export function demoPage(options: { scriptUrl: string; embedUrl: string; nonce: string }): string {
  const script = escapeHtml(options.scriptUrl);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng dịch vụ công tỉnh Lam Giang (sandbox)</title>
<style nonce="${escapeHtml(options.nonce)}">
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; }
header { padding: 1rem 1.5rem; background: #a3161c; color: #fff; }
header p, h1 { margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.5rem 8rem; }
code, pre { background: #f1f1f1; border-radius: .25rem; }
pre { padding: .75rem; overflow-x: auto; }
</style>
</head>
<body>
<header>
<p>Ủy ban nhân dân tỉnh Lam Giang</p>
<h1>Cổng dịch vụ công tỉnh Lam Giang (sandbox)</h1>
</header>
<main>
<p>Trang minh họa cổng dịch vụ công có gắn trợ lý trực tuyến. Tỉnh Lam Giang và mọi dữ liệu ở
đây đều là dữ liệu thử nghiệm, không phải thông tin thật.</p>
<h2>Thử trợ lý</h2>
<p>Bấm nút <strong>Hỏi đáp trực tuyến</strong> ở góc dưới bên phải, rồi thử:</p>
<ul>
<li><code>/tracuu</code>: tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu;</li>
<li><code>/chithi</code>: xem chỉ thị, công điện mới nhất theo khu vực;</li>
<li><code>/lang en</code>: trả lời bằng tiếng Anh.</li>
</ul>
<h2>Gắn trợ lý vào cổng của bạn</h2>
<p>Chỉ cần một thẻ script:</p>
<pre><code>&lt;script src="${escapeHtml(options.embedUrl)}" defer&gt;&lt;/script&gt;</code></pre>
</main>
<script src="${script}" defer></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}
