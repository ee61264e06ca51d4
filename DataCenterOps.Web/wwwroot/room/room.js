// Room dashboard: a short alarm beep, full screen for the wall, and a banner for a lost server connection.
let audio;

export function beep() {
    try {
        audio ??= new (window.AudioContext || window.webkitAudioContext)();
        // Browsers start audio only after a user gesture; until then the flash alone carries the cue.
        if (audio.state === "suspended") { audio.resume(); }
        const now = audio.currentTime;
        for (let i = 0; i < 3; i++) {
            const osc = audio.createOscillator();
            const gain = audio.createGain();
            osc.type = "square";
            osc.frequency.value = 880;
            gain.gain.setValueAtTime(0.15, now + i * 0.3);
            gain.gain.setValueAtTime(0, now + i * 0.3 + 0.18);
            osc.connect(gain).connect(audio.destination);
            osc.start(now + i * 0.3);
            osc.stop(now + i * 0.3 + 0.2);
        }
    } catch {
        // No audio device: the visual cue remains.
    }
}

export function fullscreen() {
    if (!document.fullscreenElement) {
        document.documentElement.requestFullscreen?.().catch(() => { });
    }
}

let installed = false;
let texts = { lost: "Connection to the server lost. Reconnecting…", back: "Connection restored." };

// Blazor raises "components-reconnect-state-changed" (detail.state show | hide | retrying | failed | rejected) on the
// reconnect modal element without bubbling; a capturing listener on document hears it wherever the modal sits.
export function installConnectionBanner(lost, back) {
    texts = { lost, back };
    if (installed) { return; }
    installed = true;
    const banner = document.createElement("div");
    banner.id = "room-connection-banner";
    banner.setAttribute("role", "status");
    banner.setAttribute("aria-live", "assertive");
    banner.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:3000;padding:0.75rem 1rem;font:600 1.2rem system-ui,sans-serif;text-align:center;display:none;";
    document.body.appendChild(banner);
    let lostShown = false;
    let hideTimer;
    document.addEventListener("components-reconnect-state-changed", e => {
        const state = e.detail?.state;
        clearTimeout(hideTimer);
        if (state === "show" || state === "retrying" || state === "failed" || state === "rejected") {
            lostShown = true;
            banner.textContent = texts.lost;
            banner.style.background = "#c62828";
            banner.style.color = "#fff";
            banner.style.display = "block";
        } else if (state === "hide" && lostShown) {
            lostShown = false;
            banner.textContent = texts.back;
            banner.style.background = "#2e7d32";
            banner.style.color = "#fff";
            banner.style.display = "block";
            hideTimer = setTimeout(() => { banner.style.display = "none"; }, 5000);
        }
    }, true);
}
