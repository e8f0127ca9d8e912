namespace Bot.Admin;

static class JobsPage
{
    // Plain HTML and a few lines of script; the key stays in this tab's sessionStorage.
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>Jobs · 党群连心</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 1.5rem; } table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
          td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; } th { background: #f4f4f4; }
          .Failed, .Undeliverable { color: #b00; } .Skipped { color: #777; }
        </style></head>
        <body>
        <h1>Jobs</h1>
        <form id="f">Admin key <input id="key" type="password" size="30"> Demand id <input id="demand" size="8">
          <button>Show</button></form>
        <div id="out"></div>
        <script>
        const key = document.getElementById('key'), demand = document.getElementById('demand'), out = document.getElementById('out');
        key.value = sessionStorage.getItem('botAdminKey') || '';
        demand.value = new URLSearchParams(location.search).get('demand') || '';
        const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
        const table = (title, rows, cols) => `<h2>${title} (${rows.length})</h2>` + (rows.length === 0 ? '<p>none</p>' :
          `<table><tr>${cols.map(c => `<th>${c}</th>`).join('')}</tr>` + rows.map(r =>
            `<tr class="${esc(r.result ?? r.status)}">${cols.map(c => `<td>${esc(r[c])}</td>`).join('')}</tr>`).join('') + '</table>');
        async function show(e) {
          e?.preventDefault();
          sessionStorage.setItem('botAdminKey', key.value);
          const q = demand.value ? `?demand=${encodeURIComponent(demand.value)}` : '';
          const r = await fetch(`/api/admin/jobs${q}`, { headers: { Authorization: `Bearer ${key.value}` } });
          if (!r.ok) { out.textContent = `${r.status} ${(await r.json().catch(() => ({}))).title ?? ''}`; return; }
          const v = await r.json();
          out.innerHTML =
            table('Scheduled', v.scheduled, ['group', 'trigger', 'job', 'state', 'nextFireAt', 'previousFireAt', 'retryAttempt']) +
            table('Recent runs', v.recent, ['firedAt', 'group', 'trigger', 'job', 'result', 'summary', 'error', 'retryAttempt', 'seconds', 'node']) +
            `<h2>Outbox</h2><p>${Object.entries(v.outboxCounts).map(([s, n]) => `${esc(s)}: ${n}`).join(' · ') || 'empty'}</p>` +
            table('Not sent', v.outbox, ['id', 'idempotencyKey', 'kind', 'recipientId', 'status', 'attempts', 'nextAttemptAt', 'lastError']) +
            table('Cluster nodes', v.nodes, ['instanceId', 'state', 'lastCheckInUtc', 'isCurrentNode']);
        }
        document.getElementById('f').addEventListener('submit', show);
        if (key.value) show();
        </script>
        </body></html>
        """;
}
