/** What the widget needs from the server, baked into the served script. */
export interface WidgetConfig {
  /** The web chat's base URL ending in `/`; null to derive it from the script's own URL. */
  base: string | null;
  maxAttachmentBytes: number;
}

/**
 * The embeddable widget: plain browser JavaScript, no build step, no framework. Server text
 * only ever reaches the page as text nodes (`append(string)`), never as HTML.
 *
 * String.raw keeps the `\n` escapes for the browser; the source must not use `${` or backticks.
 */
const SOURCE = String.raw`(config) => {
  "use strict";
  // A second script tag on the same page must not add a second widget.
  if (window.vnegovWebChat) return;
  window.vnegovWebChat = true;

  const script = document.currentScript;
  const base = config.base || new URL(".", script ? script.src : location.href).href;
  const api = new URL("api/webchat/", base).href;
  const hint = document.documentElement.lang || navigator.language || "vi";
  const lang = hint.toLowerCase().startsWith("en") ? "en" : "vi";
  const T = {
    vi: {
      open: "Hỏi đáp trực tuyến",
      title: "Trợ lý dịch vụ công",
      close: "Đóng cửa sổ trò chuyện",
      log: "Tin nhắn",
      input: "Nội dung tin nhắn",
      placeholder: "Nhập câu hỏi hoặc mã hồ sơ…",
      send: "Gửi",
      attach: "Đính kèm tệp",
      sentFile: "Tệp đính kèm",
      user: "Bạn",
      bot: "Trợ lý",
      system: "Thông báo",
      download: "Tải tệp",
      unread: "tin nhắn mới",
      failed: "Chưa gửi được tin nhắn. Vui lòng kiểm tra kết nối và thử lại.",
      tooLarge: "Tệp quá lớn. Dung lượng tối đa là {size}.",
    },
    en: {
      open: "Ask us online",
      title: "Public-service assistant",
      close: "Close the chat",
      log: "Messages",
      input: "Message",
      placeholder: "Type a question or a dossier code…",
      send: "Send",
      attach: "Attach a file",
      sentFile: "Attached file",
      user: "You",
      bot: "Assistant",
      system: "Notice",
      download: "Download",
      unread: "new messages",
      failed: "The message was not sent. Please check your connection and try again.",
      tooLarge: "The file is too large. The limit is {size}.",
    },
  }[lang];
  const megabytes = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(
    config.maxAttachmentBytes / 1048576,
  );
  const tooLarge = T.tooLarge.replace("{size}", megabytes + " MB");

  // The session (localStorage) survives reloads and new tabs; the transcript (sessionStorage)
  // only reloads, so the next person at a shared computer does not see it.
  const storageKey = "vnegov-webchat:" + api;
  const load = (kind, fallback) => {
    try {
      return JSON.parse(window[kind].getItem(storageKey)) || fallback;
    } catch (error) {
      return fallback;
    }
  };
  const save = (kind, value) => {
    try {
      if (value === null) window[kind].removeItem(storageKey);
      else window[kind].setItem(storageKey, JSON.stringify(value));
    } catch (error) {
      // Storage full or disabled: the chat still works on this page.
    }
  };
  let session = load("localStorage", null);
  const transcript = load("sessionStorage", []);
  let queue = Promise.resolve();
  let pending = 0;
  let unread = 0;
  let listener = null;
  let greeted = false;

  const h = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const name in attributes) node.setAttribute(name, attributes[name]);
    node.append(...children);
    return node;
  };
  // A drawn paperclip: emoji fonts are missing on some systems.
  const paperclip = () => {
    const ns = "http://www.w3.org/2000/svg";
    const icon = document.createElementNS(ns, "svg");
    const path = document.createElementNS(ns, "path");
    const attributes = { viewBox: "0 0 24 24", width: "22", height: "22", fill: "none", stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "aria-hidden": "true", focusable: "false" };
    for (const name in attributes) icon.setAttribute(name, attributes[name]);
    path.setAttribute("d", "M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9");
    icon.append(path);
    return icon;
  };

  const badge = h("span", { class: "vngc-badge", hidden: "" });
  const launcher = h(
    "button",
    { type: "button", class: "vngc-launcher", "aria-expanded": "false", "aria-controls": "vngc-panel" },
    T.open,
    badge,
  );
  const closeButton = h("button", { type: "button", class: "vngc-close", "aria-label": T.close }, "×");
  const log = h("div", {
    class: "vngc-log",
    role: "log",
    "aria-live": "polite",
    "aria-label": T.log,
    tabindex: "0",
  });
  const file = h("input", { type: "file", id: "vngc-file", class: "vngc-file" });
  const input = h("input", {
    type: "text",
    id: "vngc-input",
    class: "vngc-input",
    autocomplete: "off",
    maxlength: "4000",
    placeholder: T.placeholder,
  });
  const form = h(
    "form",
    { class: "vngc-form" },
    file,
    h(
      "label",
      { for: "vngc-file", class: "vngc-attach", title: T.attach },
      paperclip(),
      h("span", { class: "vngc-sr" }, T.attach),
    ),
    h("label", { for: "vngc-input", class: "vngc-sr" }, T.input),
    input,
    h("button", { type: "submit", class: "vngc-send" }, T.send),
  );
  const panel = h(
    "section",
    { id: "vngc-panel", class: "vngc-panel", role: "dialog", "aria-labelledby": "vngc-title", hidden: "" },
    h("header", { class: "vngc-header" }, h("h2", { id: "vngc-title", class: "vngc-title" }, T.title), closeButton),
    log,
    form,
  );
  const root = h("div", { class: "vngc", lang, hidden: "" }, launcher, panel);

  const render = (message) => {
    const item = h(
      "div",
      { class: "vngc-msg vngc-" + message.from, "data-from": message.from },
      h("span", { class: "vngc-sr" }, T[message.from] + ": "),
      h("p", { class: "vngc-text" }, message.text),
    );
    const attachment = message.attachment;
    if (attachment && attachment.url.startsWith("data:")) {
      item.append(
        h("a", { class: "vngc-download", href: attachment.url, download: attachment.fileName }, T.download + ": " + attachment.fileName),
      );
    }
    for (const row of message.buttons || []) {
      const buttons = row.map((choice) => {
        const button = h("button", { type: "button", class: "vngc-choice" }, choice.label);
        button.addEventListener("click", () => send({ action: choice.action }, choice.label));
        return button;
      });
      item.append(h("div", { class: "vngc-choices" }, ...buttons));
    }
    log.append(item);
    log.scrollTop = log.scrollHeight;
  };

  const showUnread = () => {
    badge.hidden = unread === 0;
    badge.replaceChildren(String(unread), h("span", { class: "vngc-sr" }, " " + T.unread));
  };

  const add = (message) => {
    transcript.push(message);
    save("sessionStorage", transcript.slice(-50));
    render(message);
    if (panel.hidden && message.from !== "user") {
      unread += 1;
      showUnread();
    }
  };

  // aria-busy holds the log's announcements until all replies to a message are in.
  const setBusy = (change) => {
    pending += change;
    if (pending > 0) log.setAttribute("aria-busy", "true");
    else log.removeAttribute("aria-busy");
  };

  const forget = () => {
    if (listener) listener.abort();
    listener = null;
    session = null;
    save("localStorage", null);
  };

  const ensureSession = async () => {
    if (session) return session;
    const response = await fetch(api + "sessions", { method: "POST" });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const created = await response.json();
    session = { sessionId: created.sessionId, token: created.token, lastEventId: "" };
    save("localStorage", session);
    listen();
    return session;
  };

  const deliver = async (body, retried) => {
    const current = await ensureSession();
    const upload = body instanceof FormData;
    const headers = { authorization: "Bearer " + current.token };
    if (upload) body.set("locale", lang);
    else headers["content-type"] = "application/json";
    const response = await fetch(api + "sessions/" + encodeURIComponent(current.sessionId) + "/messages", {
      method: "POST",
      headers,
      body: upload ? body : JSON.stringify(Object.assign({ locale: lang }, body)),
    });
    // The server no longer knows the session (its key changed): start a new one, once.
    if (response.status === 401 && !retried) {
      forget();
      return deliver(body, true);
    }
    if (response.status === 413) return add({ from: "system", text: tooLarge });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const data = await response.json();
    for (const reply of data.replies) add(Object.assign({ from: "bot" }, reply));
  };

  // Replies come back in the order messages were sent: one request at a time.
  const send = (body, shown) => {
    if (shown !== undefined) add({ from: "user", text: shown });
    setBusy(1);
    queue = queue
      .then(() => deliver(body, false))
      .catch(() => add({ from: "system", text: T.failed }))
      .then(() => setBusy(-1));
  };

  const onEvent = (block, current) => {
    let id = "";
    let data = "";
    // The server sends one JSON line of data per event.
    for (const line of block.split("\n")) {
      if (line.startsWith("id:")) id = line.slice(3).trim();
      else if (line.startsWith("data:")) data = line.slice(5).trim();
    }
    if (!data) return;
    if (id && current === session) {
      current.lastEventId = id;
      save("localStorage", current);
    }
    add(Object.assign({ from: "bot" }, JSON.parse(data)));
  };

  // Server-Sent Events read with fetch, so the token travels in a header, not in the URL.
  const listen = () => {
    if (listener || !session) return;
    const current = session;
    const controller = new AbortController();
    listener = controller;
    const url = api + "sessions/" + encodeURIComponent(current.sessionId) + "/events";
    (async () => {
      let delay = 1000;
      while (!controller.signal.aborted) {
        try {
          const headers = { authorization: "Bearer " + current.token };
          if (current.lastEventId) headers["last-event-id"] = current.lastEventId;
          const response = await fetch(url, { headers, signal: controller.signal, cache: "no-store" });
          if (response.status === 401) return forget();
          if (!response.ok || !response.body) throw new Error("HTTP " + response.status);
          delay = 1000;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = "";
          for (;;) {
            const chunk = await reader.read();
            if (chunk.done) break;
            buffer += chunk.value;
            let end = buffer.indexOf("\n\n");
            while (end >= 0) {
              onEvent(buffer.slice(0, end), current);
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf("\n\n");
            }
          }
        } catch (error) {
          if (controller.signal.aborted) return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30000);
      }
    })();
  };

  const setOpen = (open) => {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (!open) return launcher.focus();
    unread = 0;
    showUnread();
    input.focus();
    log.scrollTop = log.scrollHeight;
    // A new visitor is greeted by the bot's own help text, in the bot's language.
    if (!session && transcript.length === 0 && !greeted) {
      greeted = true;
      send({ text: "/start" });
    }
  };

  launcher.addEventListener("click", () => setOpen(panel.hidden));
  closeButton.addEventListener("click", () => setOpen(false));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });
  file.addEventListener("change", () => {
    const chosen = file.files && file.files[0];
    file.value = "";
    if (!chosen) return;
    if (chosen.size > config.maxAttachmentBytes) return add({ from: "system", text: tooLarge });
    const body = new FormData();
    body.append("file", chosen);
    send(body, T.sentFile + ": " + chosen.name);
  });

  for (const message of transcript) render(message);
  // Hidden until styled, so the page never flashes a bare form.
  const stylesheet = h("link", { rel: "stylesheet", href: new URL("webchat.css", base).href });
  const show = () => {
    root.hidden = false;
  };
  stylesheet.addEventListener("load", show);
  stylesheet.addEventListener("error", show);
  document.head.append(stylesheet);
  const mount = () => {
    document.body.append(root);
    listen();
  };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
}`;

/** The widget's source with `config` applied, ready to serve as `text/javascript`. */
export function widgetScript(config: WidgetConfig): string {
  return `(${SOURCE})(${JSON.stringify(config)});\n`;
}
