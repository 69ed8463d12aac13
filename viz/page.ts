/**
 * The visualization's one HTML page: the static skeleton (header with the clock and time controls, the floor plan
 * with the timeline, the side panels) and its CSS inline. `viz.js` fills it in from the live protocol.
 */

export const speedChoices = [0.5, 1, 2, 5, 10, 30, 60, 120, 600, 3600] as const;

const css = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5d6778; --line: #d8dde6; --panel: #f6f7f9; --locked: #3b5b92; --unlocked: #24914a; --office: #c77d0a; --alarm: #c62828; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-size: 14px; display: flex; flex-direction: column; overflow: hidden; }
header.top { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; padding: 6px 12px; border-bottom: 1px solid var(--line); background: var(--panel); }
.mode-group { display: flex; align-items: center; gap: 8px; }
.mode { font: 700 13px system-ui, sans-serif; letter-spacing: .06em; padding: 3px 10px; border-radius: 12px; background: #e4e7ec; color: var(--ink); }
.mode[data-mode="live"] { background: #1f8a46; color: #fff; } .mode[data-mode="paused"] { background: #c77d0a; color: #fff; }
.mode[data-mode="history"], .mode[data-mode="file"] { background: #5b3fa8; color: #fff; }
.mode-detail { font-size: 12px; color: var(--muted); max-width: 28em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.back-to-live { font-weight: 600; border-color: #5b3fa8; color: #5b3fa8; } .back-to-live[hidden] { display: none; }
.alert-banner { flex: none; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 12px; background: var(--alarm); color: #fff; font-weight: 600; font-size: 15px; max-height: 30vh; overflow-y: auto; }
.alert-banner[hidden] { display: none; }
.alert-banner .banner-alert { display: inline-flex; gap: 8px; align-items: baseline; padding: 2px 10px; border-radius: 6px; background: rgba(0,0,0,.18); }
.alert-banner .banner-alert b { letter-spacing: .05em; } .alert-banner .banner-alert span { font-weight: 400; }
h1 { font-size: 18px; margin: 0; } h1 span { color: var(--muted); font-weight: 400; }
h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.clock { display: flex; flex-direction: column; line-height: 1.2; }
#clock { font: 600 18px ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
#utc, #run-status { color: var(--muted); font-size: 12px; }
.time-controls { display: flex; align-items: center; gap: 6px; }
button, select, input { font: inherit; }
button { border: 1px solid #b8c0cc; background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:hover:not(:disabled) { background: #eef2f8; } button:disabled { opacity: .45; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible, .lock:focus-visible { outline: 3px solid #7aa7ff; outline-offset: 2px; }
#connection { padding: 2px 8px; border-radius: 10px; font-size: 12px; background: #e4e7ec; }
#connection[data-state="open"] { background: #d5f0dc; } #connection[data-state="closed"] { background: #fbd9d9; }
main { flex: 1 1 auto; display: grid; grid-template-columns: minmax(0, 1fr) clamp(300px, 30vw, 520px); gap: 0; min-height: 0; }
.plan { display: flex; flex-direction: column; min-width: 0; min-height: 0; padding: 6px 10px; overflow: hidden; }
#plan { flex: 1 1 auto; height: 0; width: 100%; min-height: 120px; }
.plan.history #plan { filter: sepia(.35); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; color: var(--muted); font-size: 12px; padding: 4px 0; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 6px; vertical-align: -2px; margin-right: 4px; }
.legend .rssi { width: 60px; height: 6px; border-radius: 3px; background: linear-gradient(90deg, hsl(0 75% 40%), hsl(60 75% 40%), hsl(120 75% 40%)); vertical-align: 1px; }
.timeline { display: flex; align-items: center; gap: 8px; padding: 6px 0; }
.timeline input { flex: 1; }
.timeline .timeline-file { font-size: 12px; color: var(--muted); }
.timeline .timeline-file input { flex: none; width: 14em; }
#timeline-label { font: 12px ui-monospace, monospace; min-width: 210px; color: var(--muted); }
.plan.history #timeline-label { color: var(--office); font-weight: 600; }
aside { border-left: 1px solid var(--line); overflow-y: auto; min-height: 0; padding: 10px; display: flex; flex-direction: column; gap: 12px; background: #fcfcfd; }
fieldset.controls { border: 0; border-top: 1px solid var(--line); margin: 6px 0 0; padding: 6px 0 0; min-width: 0; }
fieldset.controls legend { font-size: 12px; color: var(--muted); padding: 0 4px 0 0; }
fieldset.controls .buttons { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; }
fieldset.controls .row { display: flex; gap: 6px; align-items: center; margin: 4px 0; flex-wrap: wrap; }
fieldset.controls .row label { flex: 1 1 10em; display: flex; gap: 6px; align-items: center; min-width: 0; }
fieldset.controls .row label.narrow { flex: 0 0 auto; font-size: 12px; color: var(--muted); }
fieldset.controls select, fieldset.controls input[type=text] { flex: 1; min-width: 0; padding: 3px 4px; }
fieldset.controls input[type=number] { width: 5em; }
aside section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
#lock-panel header { display: flex; align-items: center; padding: 0; background: none; border: 0; justify-content: space-between; }
#sound[aria-pressed="true"] { background: #fff3d6; border-color: var(--office); font-weight: 600; }
#lock-panel h2 { text-transform: none; letter-spacing: 0; color: var(--ink); font-size: 16px; margin: 0; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 8px 0; font-size: 13px; } dt { color: var(--muted); } dd { margin: 0; }
form.login { display: flex; gap: 6px; align-items: center; } form.login[hidden] { display: none; } form.login input { width: 120px; }
form.action, .fault-row { display: flex; gap: 6px; align-items: center; margin: 6px 0; }
form.action label, .fault-row label { flex: 1; display: flex; gap: 6px; align-items: center; min-width: 0; }
form.action input[type=text] { flex: 1; min-width: 0; padding: 3px 6px; border: 1px solid #b8c0cc; border-radius: 5px; }
form.action label { min-width: 0; } form.action button { flex: none; width: 118px; white-space: nowrap; }
#faults { max-height: 240px; overflow-y: auto; }
.fault-fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; font-size: 12px; color: var(--muted); margin-bottom: 6px; }
.fault-fields input { width: 100%; padding: 2px 4px; }
output.result { display: block; min-height: 1.3em; font-size: 12px; color: var(--muted); }
output.result.error, #message { color: var(--alarm); }
#message { position: fixed; bottom: 10px; left: 12px; margin: 0; background: #fff; padding: 4px 8px; border-radius: 6px; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
#message:empty { display: none; }
#entries { list-style: none; margin: 0; padding: 0; font-size: 12px; max-height: 40vh; overflow-y: auto; }
#entries li { padding: 3px 0; border-bottom: 1px solid #eef0f3; display: grid; grid-template-columns: 62px 1fr; gap: 0 6px; }
#entries .time { font-family: ui-monospace, monospace; color: var(--muted); }
#entries .who { grid-column: 2; color: var(--muted); }
#entries li.empty { display: block; }
#entries li.rejected .what { color: var(--alarm); } #entries li.alarm .what { color: var(--alarm); font-weight: 600; }
#alerts { list-style: none; margin: 0; padding: 0; font-size: 13px; } #alerts li { color: var(--alarm); font-weight: 600; } #alerts:empty::after { content: "none"; color: var(--muted); font-weight: 400; }
.empty { color: var(--muted); font-size: 12px; }
h2 .zone { text-transform: none; letter-spacing: 0; font-weight: 400; }
.fault-row .fault-name { font-weight: 600; min-width: 6em; }
/* floor plan */
.plan-background { fill: url(#grid-1m); } .grid-line { fill: none; stroke: #eef1f5; stroke-width: 1; }
.link { stroke-width: 3; stroke-linecap: round; opacity: .85; } .link.unknown { stroke-dasharray: 6 5; }
.interference { fill: rgba(198, 40, 40, .12); stroke: rgba(198, 40, 40, .6); stroke-dasharray: 8 6; stroke-width: 2; }
.label { font-size: 12px; text-anchor: middle; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.label.name { font-weight: 600; } .rssi-label { font-size: 10px; } .label.small { font-size: 11px; fill: var(--muted); }
.label.state.bolt-unlocked { fill: var(--unlocked); font-weight: 600; } .label.state.bolt-officeMode { fill: var(--office); font-weight: 600; } .label.state.bolt-locked { fill: var(--locked); }
.label.door-notClosed { fill: var(--alarm); font-weight: 700; } .label.door-open { fill: var(--ink); }
.label.battery-low, .label.battery-very-low, .label.battery-veryLow, .label.offline { fill: var(--alarm); font-weight: 600; }
.glyph { font: 700 13px system-ui, sans-serif; text-anchor: middle; fill: #fff; pointer-events: none; }
.iq-shape { fill: #27457a; stroke: #fff; stroke-width: 2; } .iq.disconnected .iq-shape { fill: #fff; stroke: var(--alarm); stroke-width: 3; } .iq.disconnected .glyph { fill: var(--alarm); }
.iq.unpowered .iq-shape { fill: #9aa3b1; }
.repeater-shape { fill: #5c6f91; stroke: #fff; stroke-width: 2; } .repeater.unpowered .repeater-shape { fill: #c9ced6; }
.lock { cursor: pointer; } .lock-body { stroke: #fff; stroke-width: 2; fill: var(--locked); }
.lock-body.bolt-unlocked { fill: var(--unlocked); } .lock-body.bolt-officeMode { fill: var(--office); }
.lock.offline .lock-body { fill: #a9b0bb; stroke: #68707c; stroke-dasharray: 4 3; }
.padlock-body { fill: #fff; pointer-events: none; } .padlock-shackle { fill: none; stroke: #fff; stroke-width: 2; pointer-events: none; }
.lock[data-bolt="unlocked"] .padlock-shackle, .lock[data-bolt="officeMode"] .padlock-shackle { transform: translate(4px, -2px); }
.select-ring { fill: none; stroke: transparent; stroke-width: 3; } .lock.selected .select-ring { stroke: #7aa7ff; }
.lock:hover .select-ring { stroke: #c3d6ff; }
.door-leaf { stroke: #6b5a45; stroke-width: 5; stroke-linecap: round; } .door-hinge { fill: #6b5a45; }
.door-notClosed .door-leaf, .door-notClosed .door-hinge { stroke: var(--alarm); fill: var(--alarm); }
svg.dense .label { display: none; }
/* stage (viz/client/floor-plan.ts, stage-*.ts): rooms, walls, doors, people, ripples, packets, the canvas */
.room-floor { fill: #f3f5f9; stroke: none; } .room:nth-child(even) .room-floor { fill: #eef2f7; }
.room-name { font: 600 15px system-ui, sans-serif; text-anchor: middle; fill: #9aa4b2; pointer-events: none; letter-spacing: .02em; }
#plan .label { font-size: calc(12px * var(--label-k, 1)); } #plan .label.small, #plan .rssi-label { font-size: calc(11px * var(--label-k, 1)); }
#plan.compact .label.battery:not(.battery-low):not(.battery-very-low):not(.battery-veryLow), #plan.compact .label.online { display: none; }
#plan .room-name { font-size: calc(15px * var(--label-k, 1)); } #plan .glyph { font-size: calc(12px * var(--label-k, 1)); }
.wall { fill: none; stroke-linecap: square; stroke-linejoin: miter; } .wall-glass { stroke-dasharray: 10 3; }
.door-gap { stroke: #f3f5f9; stroke-width: 14; stroke-linecap: butt; }
.door-leaf { transition: all .25s ease-out; }
.link.jammed { stroke: #d32f2f; stroke-dasharray: 7 6; animation: jammed .7s steps(2, jump-none) infinite; }
@keyframes jammed { from { opacity: .95; } to { opacity: .25; } }
.padlock-shackle { transition: transform .3s ease-out; }
.person-body { fill: #1d2430; stroke: #fff; stroke-width: 2; } .person-head { fill: #f2c29b; }
.person-refused { stroke: var(--alarm); stroke-width: 4; stroke-linecap: round; display: none; }
.person[data-phase="refused"] .person-refused { display: inline; } .person[data-phase="refused"] .person-body { fill: var(--alarm); }
.tap-ripple { fill: none; stroke: var(--unlocked); stroke-width: 4; } .packet { fill: #f2a93b; stroke: #fff; stroke-width: 2; }
.stage-canvas { position: relative; flex: 1 1 auto; min-height: 300px; height: 0; }
.stage-canvas canvas { position: absolute; inset: 0; width: 100%; height: 100%; cursor: grab; touch-action: none; }
.stage-canvas canvas:active { cursor: grabbing; }
.stage-zoom { position: absolute; right: 8px; top: 8px; display: flex; gap: 4px; } .stage-zoom button { min-width: 34px; }
/* timeline debugger (viz/client/timeline-*.ts): the marker strip under the slider, the failure panel */
.tl { display: flex; flex-direction: column; gap: 3px; padding: 0 0 4px; font-size: 12px; }
.tl-controls { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; } .tl-controls button { padding: 1px 8px; }
.tl-span { color: var(--muted); } .tl-hover { color: var(--ink); font: 12px ui-monospace, monospace; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1 1 10em; min-width: 0; }
.tl-axis { display: flex; align-items: center; gap: 6px; font: 11px ui-monospace, monospace; color: var(--muted); }
.tl-strip { position: relative; flex: 1; height: 26px; background: #f1f3f7; border: 1px solid var(--line); border-radius: 4px; cursor: crosshair; overflow: hidden; }
.tl-markers { position: absolute; inset: 0; }
.tl-marker { position: absolute; top: 4px; width: 8px; height: 16px; margin-left: -4px; padding: 0; border: 1px solid rgba(0,0,0,.25); border-radius: 2px; cursor: pointer; }
.tl-marker[data-kind="violation"] { top: 1px; height: 22px; width: 10px; margin-left: -5px; }
.tl-marker.selected { outline: 3px solid #7aa7ff; outline-offset: 1px; z-index: 2; }
.tl-cursor { position: absolute; top: 0; bottom: 0; width: 2px; margin-left: -1px; background: var(--ink); pointer-events: none; z-index: 1; }
.tl-legend { display: flex; flex-wrap: wrap; gap: 10px; color: var(--muted); font-size: 11px; }
.tl-legend i { display: inline-block; width: 8px; height: 12px; border-radius: 2px; margin-right: 3px; vertical-align: -2px; }
#failure-story { border-color: var(--alarm); } #failure-story h2 { color: var(--alarm); } #failure-story h3 { font-size: 12px; margin: 8px 0 4px; color: var(--muted); }
.fs-summary { font-weight: 600; margin: 0 0 6px; } .fs-violation { margin: 0 0 4px; color: var(--alarm); font-size: 12px; }
.fs-steps, .fs-entries { margin: 0; padding: 0; list-style: none; font-size: 12px; max-height: 30vh; overflow-y: auto; }
.fs-steps li { display: flex; gap: 6px; padding: 2px 4px; border-radius: 4px; cursor: pointer; } .fs-steps li:hover { background: #eef2f8; }
.fs-steps li.current { background: #fff3e0; font-weight: 600; }
.fs-steps time, .fs-entries time { font-family: ui-monospace, monospace; color: var(--muted); white-space: nowrap; }
.fs-kind { min-width: 5.5em; color: var(--muted); } .fs-steps li[data-kind="harness"] { color: #607d8b; font-style: italic; }
.fs-steps li[data-kind="violation"] { color: var(--alarm); } .fs-steps li[data-kind="admin"] .fs-kind { color: #5b3fa8; font-weight: 600; }
.fs-narrated pre { white-space: pre-wrap; font-size: 11px; max-height: 25vh; overflow-y: auto; }
@media (max-width: 900px) { body { overflow: auto; height: auto; } main { grid-template-columns: 1fr; } #plan { min-height: 60vh; } }
@media (max-height: 760px) { h1 span { display: none; } #run-status { max-width: 16em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; } .legend { display: none; } }
@media (min-width: 1600px) and (min-height: 900px) { body { font-size: 16px; } #clock { font-size: 24px; } .mode { font-size: 15px; } .alert-banner { font-size: 18px; } #entries { font-size: 14px; } }
`;

export function vizPageHtml(): string {
  const speeds = speedChoices.map((speed) => `<option value="${speed}">${speed}×</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lockstep · live twin</title>
<link rel="icon" href="data:,">
<style>${css}</style>
<script type="module" src="/viz.js"></script>
</head>
<body>
<header class="top">
  <h1>lockstep <span>live twin</span></h1>
  <div class="mode-group" role="group" aria-label="What the page shows">
    <span id="mode" class="mode" data-testid="mode" data-mode="connecting" role="status">CONNECTING</span>
    <span id="mode-detail" class="mode-detail" data-testid="mode-detail"></span>
    <button type="button" id="live" class="back-to-live" aria-label="Back to live" hidden>Back to live</button>
  </div>
  <div class="clock">
    <output id="clock" data-testid="clock" data-virtual-ms="0" aria-label="Site time">--:--:--</output>
    <span id="utc" data-testid="utc"></span>
  </div>
  <div class="time-controls" role="group" aria-label="Time controls">
    <button type="button" id="pause" aria-label="Pause">❚❚ Pause</button>
    <button type="button" id="play" aria-label="Play">▶ Play</button>
    <label>Speed <select id="speed" aria-label="Speed (virtual seconds per second)">${speeds}</select></label>
    <button type="button" id="step" aria-label="Step 10 seconds">+10 s</button>
  </div>
  <span id="run-status" data-testid="run-status"></span>
  <span id="connection" data-testid="connection" role="status" data-state="connecting">connecting…</span>
  <button type="button" id="sound" data-testid="sound" aria-pressed="false" aria-label="Alert sound">Sound off</button>
  <button type="button" id="export" aria-label="Export the session as a scenario file">Export</button>
  <form id="login" class="login" data-testid="login" aria-label="Log in" hidden><label>Client <input type="text" id="login-client" aria-label="API client id" autocomplete="username"></label><label>Secret <input type="password" id="login-secret" aria-label="API client secret" autocomplete="current-password"></label><button type="submit">Log in</button></form>
</header>
<div id="alert-banner" class="alert-banner" data-testid="alert-banner" role="alert" aria-live="assertive" hidden></div>
<main>
  <section class="plan" id="plan-section" aria-label="Site">
    <svg id="plan" data-testid="floor-plan" role="group" aria-label="Floor plan" viewBox="0 0 800 400"></svg>
    <div class="legend" aria-hidden="true">
      <span><i style="background:var(--locked)"></i>locked</span>
      <span><i style="background:var(--unlocked)"></i>unlocked</span>
      <span><i style="background:var(--office)"></i>office mode</span>
      <span><i style="background:#a9b0bb"></i>offline</span>
      <span>radio: weak <i class="rssi"></i> strong</span>
      <span>grid: 1 m</span>
    </div>
    <div class="timeline" role="group" aria-label="Timeline">
      <input type="range" id="timeline" data-testid="timeline" aria-label="Timeline: virtual time to show" min="0" max="0" step="1000" value="0"
        title="Away from its end, the server replays the session (or the loaded file) to the chosen time; the page's own kept snapshots show until the answer arrives">
      <label class="timeline-file">Load…<input type="file" id="timeline-file" data-testid="timeline-file" accept=".json,application/json" aria-label="Load scenario or failure file"></label>
      <output id="timeline-label" data-testid="timeline-label">live</output>
    </div>
  </section>
  <aside>
    <section id="lock-panel" data-testid="lock-panel" aria-labelledby="lock-panel-title" hidden>
      <header><h2 id="lock-panel-title">Lock</h2><button type="button" id="panel-close" aria-label="Close the lock panel">×</button></header>
      <dl id="lock-details" data-testid="lock-details"></dl>
      <fieldset class="controls" aria-label="Door">
        <legend>Door</legend>
        <div class="buttons">
          <button type="button" id="door-open" aria-label="Open the door">Open</button>
          <button type="button" id="door-close" aria-label="Close the door">Close</button>
          <button type="button" id="door-force" aria-label="Force the door open">Force</button>
        </div>
        <div class="row"><label class="narrow">inside handle, held <input type="number" id="hold-seconds" aria-label="Hold the handle for (s)" value="5" min="1" max="600" step="1"> s</label><button type="button" id="door-hold" aria-label="Hold the inside handle">Hold handle</button></div>
        <output id="door-result" class="result" data-testid="door-result" role="status"></output>
      </fieldset>
      <fieldset class="controls" aria-label="Credentials">
        <legend>Credentials</legend>
        <div class="row"><label>person <select id="person" data-testid="person" aria-label="Person"></select></label></div>
        <div class="row"><label>tag <select id="person-tag" aria-label="Their tag"></select></label><label class="narrow"><input type="checkbox" id="tag-long" aria-label="Hold the tag over 5 s (office mode)"> hold &gt; 5 s</label><button type="button" id="present-tag" aria-label="Present tag">Present tag</button></div>
        <div class="row"><label>phone <select id="person-phone" aria-label="Their phone"></select></label><button type="button" id="tap-phone" aria-label="Tap phone">Tap phone</button></div>
        <div class="row"><label>PIN <input type="text" id="person-pin" aria-label="PIN (6 digits)" inputmode="numeric" maxlength="6" autocomplete="off" placeholder="6 digits"></label><button type="button" id="enter-pin" aria-label="Enter PIN">Enter PIN</button></div>
        <output id="credential-result" class="result" data-testid="credential-result" role="status"></output>
      </fieldset>
      <fieldset class="controls" aria-label="Cloud">
        <legend>Cloud (as the logged-in user)</legend>
        <div class="buttons">
          <button type="button" id="remote-open" aria-label="Remote open">Remote open</button>
          <button type="button" id="office-on" aria-label="Office mode on">Office mode on</button>
          <button type="button" id="office-off" aria-label="Office mode off">Office mode off</button>
        </div>
        <output id="command-result" class="result" data-testid="command-result" role="status"></output>
      </fieldset>
      <fieldset class="controls" aria-label="Admin">
        <legend>Admin (for the person above)</legend>
        <div class="buttons">
          <button type="button" id="block-tag" aria-label="Block their tag">Block tag</button>
          <button type="button" id="unblock-tag" aria-label="Unblock their tag">Unblock tag</button>
          <button type="button" id="grant-lock" aria-label="Grant access to this lock">Grant this lock</button>
        </div>
        <div class="row"><label>group <select id="group" aria-label="Access group"></select></label><button type="button" id="grant-group" aria-label="Add to the access group">Add to group</button></div>
        <output id="admin-result" class="result" data-testid="admin-result" role="status"></output>
      </fieldset>
      <fieldset class="controls" aria-label="Lock faults">
        <legend>Lock faults</legend>
        <div class="row"><label>battery <select id="battery-level" aria-label="Battery level"><option value="fresh">OK</option><option value="low">low</option><option value="very-low">very low</option></select></label><button type="button" id="set-battery" aria-label="Set the battery level">Set battery</button></div>
        <div class="row"><label>clock off by <input type="number" id="clock-drift" aria-label="Lock clock drift (s, + ahead)" value="0" min="-86400" max="86400" step="1"> s</label><button type="button" id="set-clock" aria-label="Set the lock clock drift">Set clock</button></div>
        <div class="row"><button type="button" id="replace-battery" aria-label="Replace the lock's batteries">New batteries</button><button type="button" id="tamper-on" aria-label="Trip the lock's tamper sensor">Tamper</button><button type="button" id="tamper-off" aria-label="Restore the lock's tamper sensor">Tamper end</button></div>
        <div class="row"><button type="button" id="privacy-on" aria-label="Turn the inside privacy knob on">Privacy on</button><button type="button" id="privacy-off" aria-label="Turn the inside privacy knob back">Privacy off</button><button type="button" id="exit-button" aria-label="Press the gate controller's exit button">Exit button</button></div>
        <output id="lock-fault-result" class="result" data-testid="lock-fault-result" role="status"></output>
      </fieldset>
    </section>
    <section aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <div class="fault-fields" role="group" aria-label="Interference settings">
        <label>radius m <input type="number" id="interference-radius" aria-label="Interference radius (m)" value="8" min="1" max="200" step="1"></label>
        <label>loss 0–1 <input type="number" id="interference-loss" aria-label="Interference loss probability" value="0.9" min="0" max="1" step="0.05"></label>
        <label>for s <input type="number" id="interference-duration" aria-label="Interference duration (s)" value="60" min="1" max="86400" step="1"></label>
      </div>
      <div id="faults" data-testid="faults"><p class="empty">waiting for the twin…</p></div>
      <output id="fault-result" class="result" data-testid="fault-result" role="status"></output>
    </section>
    <section aria-labelledby="alerts-title"><h2 id="alerts-title">Alerts</h2><ul id="alerts" data-testid="alerts" aria-labelledby="alerts-title"></ul></section>
    <section aria-labelledby="entries-title"><h2 id="entries-title">Entries <span id="entries-zone" class="zone" data-testid="entries-zone"></span></h2><ol id="entries" data-testid="entries" aria-label="Entries log, newest first"></ol></section>
  </aside>
</main>
<p id="message" data-testid="message" role="alert"></p>
</body>
</html>
`;
}

/** Headers for the page: only its own script, styles inline, the socket on its own origin. */
export const vizPageHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};
