/** Inline CSS of the HTML report. */
export const reportCss = `
:root{--fg:#1d2430;--muted:#5f6b7a;--line:#e3e7ed;--bg:#f6f8fa;--card:#fff;--ok:#16a37f;--bad:#d64545}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#14213d;color:#fff;padding:20px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c9d3e3}
main{max-width:1220px;margin:0 auto;padding:20px 32px 48px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
h2{font-size:17px;margin:0 0 10px}h3{font-size:14px;margin:14px 0 6px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin-bottom:18px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
.rec{display:inline-block;padding:2px 10px;border-radius:12px;background:#e8f0fe;color:#1a4fb8;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-size:12px;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{max-width:100%;height:auto;font-size:12px}.chart .grid{stroke:#e7eaf0}.chart .tick{fill:var(--muted);font-size:11px}.chart .label{fill:#333;font-size:12px}.chart .legend{fill:#333;font-size:12px}.chart .value{fill:#333;font-size:11px}
.chart .whisker line{stroke:#1d2430;stroke-width:1.3}.chart .volume{stroke:#888;stroke-dasharray:4 4}.chart .crossing circle{fill:#fff;stroke:#1d2430;stroke-width:2}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 10px;align-items:center}.filters input,.filters select{font:inherit;padding:5px 8px;border:1px solid #c8ced8;border-radius:6px}.filters input{min-width:260px}
.pill{display:inline-block;font-size:11px;padding:0 7px;border-radius:9px;background:#eef1f5;margin:1px 2px 1px 0;white-space:nowrap}
.ok{color:var(--ok);font-weight:700}.bad{color:var(--bad);font-weight:700}.muted{color:var(--muted)}
details summary{cursor:pointer;color:#1a4fb8}details pre{white-space:pre-wrap;background:var(--bg);padding:8px;border-radius:6px;margin:6px 0}
ul.actions li{margin:4px 0}.ids{color:var(--muted);font-size:12px}#items td:nth-child(2){white-space:nowrap}
`;

/** Inline script: filters the item table by mode, class, tag, outcome and text, and pages through the matches. No data is embedded in it. */
export const reportJs = `
(function(){
  var $=function(id){return document.getElementById(id)};
  var rows=Array.prototype.slice.call(document.querySelectorAll('#items tbody tr'));
  var f={text:$('f-text'),mode:$('f-mode'),cls:$('f-class'),tag:$('f-tag'),outcome:$('f-outcome')};
  function has(list,v){return (' '+list+' ').indexOf(' '+v+' ')>=0}
  var size=+$('items').getAttribute('data-page-size')||50,page=0;
  function apply(){
    var q=f.text.value.trim().toLowerCase(),matched=[];
    rows.forEach(function(r){
      var d=r.dataset,ok=(!f.mode.value||d.mode===f.mode.value)&&(!f.cls.value||has(d.classes,f.cls.value))&&(!f.tag.value||has(d.tags,f.tag.value))&&(!f.outcome.value||d.outcome===f.outcome.value)&&(!q||d.text.indexOf(q)>=0);
      r.hidden=true;if(ok)matched.push(r);
    });
    var pages=Math.max(1,Math.ceil(matched.length/size));page=Math.min(page,pages-1);
    matched.slice(page*size,(page+1)*size).forEach(function(r){r.hidden=false});
    $('f-count').textContent=(matched.length?(page*size+1)+'–'+Math.min(matched.length,(page+1)*size):'0')+' of '+matched.length+' matching ('+rows.length+' rows) · page '+(page+1)+' of '+pages;
    $('f-prev').disabled=page===0;$('f-next').disabled=page>=pages-1;
  }
  Object.keys(f).forEach(function(k){f[k].addEventListener('input',function(){page=0;apply()});f[k].addEventListener('change',function(){page=0;apply()})});
  $('f-prev').addEventListener('click',function(){page--;apply()});$('f-next').addEventListener('click',function(){page++;apply()});
  apply();
})();
`;
