/**
 * The widget's stylesheet, served as `/webchat.css` so portals with a strict Content Security
 * Policy need no `'unsafe-inline'`. Every selector is prefixed `vngc` to stay out of the portal's
 * way; targets are at least 44 px and focus is always visible.
 */
export const WIDGET_STYLE = `.vngc, .vngc * { box-sizing: border-box; }
.vngc[hidden], .vngc [hidden] { display: none !important; }
.vngc { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; }
.vngc-launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; display: inline-flex; align-items: center; gap: .5rem; min-height: 48px; padding: .75rem 1.25rem; border: 0; border-radius: 999px; background: #a3161c; color: #fff; font: inherit; font-weight: 600; cursor: pointer; box-shadow: 0 4px 12px rgba(0, 0, 0, .25); }
.vngc-badge { min-width: 1.5rem; padding: 0 .4rem; border-radius: 999px; background: #ffd24d; color: #1b1b1b; font-size: .875rem; text-align: center; }
.vngc-panel { position: fixed; right: 1rem; bottom: 5rem; z-index: 2147483000; display: flex; flex-direction: column; width: min(24rem, calc(100vw - 2rem)); height: min(36rem, calc(100vh - 7rem)); background: #fff; border: 1px solid #c9c9c9; border-radius: .75rem; box-shadow: 0 8px 24px rgba(0, 0, 0, .25); overflow: hidden; }
.vngc-header { display: flex; align-items: center; justify-content: space-between; padding: .25rem .25rem .25rem 1rem; background: #a3161c; color: #fff; }
.vngc-title { margin: 0; font-size: 1.0625rem; font-weight: 600; }
.vngc-close { min-width: 44px; min-height: 44px; border: 0; border-radius: .5rem; background: transparent; color: inherit; font: inherit; font-size: 1.5rem; cursor: pointer; }
.vngc-log { flex: 1; display: flex; flex-direction: column; gap: .5rem; padding: .75rem; overflow-y: auto; background: #f4f4f4; }
.vngc-msg { max-width: 85%; padding: .5rem .75rem; border-radius: .75rem; overflow-wrap: anywhere; }
.vngc-bot { align-self: flex-start; background: #fff; border: 1px solid #d6d6d6; }
.vngc-user { align-self: flex-end; background: #fbe9e9; }
.vngc-system { align-self: center; background: #fff4ce; font-size: .9375rem; }
.vngc-text { margin: 0; white-space: pre-wrap; }
.vngc-choices { display: flex; flex-wrap: wrap; gap: .375rem; margin-top: .5rem; }
.vngc-choice { min-height: 44px; padding: .375rem .75rem; border: 1px solid #a3161c; border-radius: .5rem; background: #fff; color: #8a1217; font: inherit; text-align: left; cursor: pointer; }
.vngc-choice:hover { background: #fbe9e9; }
.vngc-download { display: inline-block; margin-top: .375rem; color: #0b4ea2; }
.vngc-form { display: flex; gap: .5rem; padding: .5rem; border-top: 1px solid #d6d6d6; }
.vngc-attach { display: inline-flex; align-items: center; justify-content: center; min-width: 44px; min-height: 44px; border: 1px solid #767676; border-radius: .5rem; color: #1b1b1b; cursor: pointer; }
.vngc-input { flex: 1; min-width: 0; min-height: 44px; padding: .5rem .75rem; border: 1px solid #767676; border-radius: .5rem; font: inherit; }
.vngc-send { min-height: 44px; padding: 0 1rem; border: 0; border-radius: .5rem; background: #a3161c; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.vngc-sr, .vngc-file { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.vngc button:focus-visible, .vngc-input:focus-visible, .vngc-log:focus-visible, .vngc-download:focus-visible, .vngc-file:focus-visible + .vngc-attach { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
@media (max-width: 30rem) {
  .vngc-panel { inset: 0; width: auto; height: auto; border: 0; border-radius: 0; }
}
`;
