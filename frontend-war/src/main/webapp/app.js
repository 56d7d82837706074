/*
 * txrx console: a JSON-RPC 2.0 client for the gateway's WebSocket, in plain browser JavaScript.
 * Every frame sent or received is logged; replies are matched to their call by id.
 */
(() => {
    'use strict';

    const FALLBACK_URL = 'ws://127.0.0.1:8080/gateway/ws';
    const GATEWAY_PATH = '/gateway/ws';
    const MAX_LOG_ENTRIES = 1000;

    const $ = (id) => document.getElementById(id);
    const ui = {
        connectionForm: $('connection'),
        url: $('url'),
        connect: $('connect'),
        disconnect: $('disconnect'),
        status: $('status'),
        statusText: $('status-text'),
        callForm: $('call'),
        method: $('method'),
        methods: $('methods'),
        loadMethods: $('load-methods'),
        params: $('params'),
        notification: $('notification'),
        nextId: $('next-id'),
        send: $('send'),
        log: $('log'),
        pretty: $('pretty'),
        follow: $('follow'),
        clear: $('clear'),
    };

    let socket = null;
    let nextId = 1;
    /** id -> { method, sentAt (performance.now()), entry (the call's log entry), onReply } */
    const pending = new Map();

    // ---- connection -------------------------------------------------------------------------

    /** ws(s)://<host>/gateway/ws for a page served over http(s); a local default otherwise. */
    function defaultUrl(location) {
        const override = new URLSearchParams(location.search).get('url');
        if (override) {
            return override;
        }
        if (location.protocol === 'http:' || location.protocol === 'https:') {
            const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
            return `${scheme}//${location.host}${GATEWAY_PATH}`;
        }
        return FALLBACK_URL;
    }

    function connect() {
        const url = ui.url.value.trim();
        if (socket) {
            socket.close(1000, 'reconnecting');
        }
        let ws;
        try {
            ws = new WebSocket(url);
        } catch (e) {
            logLocal(`cannot connect: ${e.message}`, true);
            setStatus('error', 'bad URL');
            return;
        }
        socket = ws;
        setStatus('connecting', 'connecting…');
        logLocal(`connecting to ${url}`);

        ws.addEventListener('open', () => {
            if (socket !== ws) return;
            setStatus('connected', 'connected');
            logLocal(`connected to ${url}`);
        });
        ws.addEventListener('message', (event) => {
            if (socket !== ws) return;
            received(String(event.data));
        });
        ws.addEventListener('error', () => {
            if (socket !== ws) return;
            logLocal('WebSocket error (the close code below says more)', true);
        });
        ws.addEventListener('close', (event) => {
            if (socket !== ws) return;
            socket = null;
            const why = `code ${event.code}${event.reason ? `, ${event.reason}` : ''}`;
            setStatus(event.code === 1000 ? 'disconnected' : 'error', `disconnected (${why})`);
            logLocal(`connection closed (${why})`, event.code !== 1000);
            abandonPending('connection closed before the reply');
        });
    }

    function disconnect() {
        if (socket) {
            setStatus('closing', 'closing…');
            socket.close(1000, 'closed by user');
        }
    }

    function isOpen() {
        return socket !== null && socket.readyState === WebSocket.OPEN;
    }

    function setStatus(state, text) {
        ui.status.dataset.state = state;
        ui.statusText.textContent = text;
        const active = state === 'connecting' || state === 'connected' || state === 'closing';
        ui.connect.disabled = active;
        ui.disconnect.disabled = !active;
    }

    // ---- calls ------------------------------------------------------------------------------

    /** Reads the form, checks it, and sends a call or a notification. */
    function sendFromForm() {
        const method = ui.method.value.trim();
        if (!method) {
            logLocal('method is empty: nothing sent', true);
            ui.method.focus();
            return;
        }
        const params = readParams();
        if (params.error) {
            ui.params.classList.add('invalid');
            logLocal(`params: ${params.error}: nothing sent`, true);
            ui.params.focus();
            return;
        }
        ui.params.classList.remove('invalid');
        send(method, params.value, ui.notification.checked);
    }

    /** { value } with the parsed params (undefined when empty), or { error } saying what is wrong. */
    function readParams() {
        const text = ui.params.value.trim();
        if (text === '') {
            return { value: undefined };
        }
        let value;
        try {
            value = JSON.parse(text);
        } catch (e) {
            return { error: `not valid JSON (${e.message})` };
        }
        if (value === null || typeof value !== 'object') {
            return { error: 'must be a JSON object or array' };
        }
        return { value };
    }

    /** Sends one JSON-RPC request; returns its id, or null for a notification or when not sent. */
    function send(method, params, notification, onReply) {
        if (!isOpen()) {
            logLocal(`not connected: ${method} not sent`, true);
            return null;
        }
        const message = { jsonrpc: '2.0' };
        const id = notification ? null : nextId++;
        if (id !== null) {
            message.id = id;
        }
        message.method = method;
        if (params !== undefined) {
            message.params = params;
        }
        const text = JSON.stringify(message);
        socket.send(text);
        ui.nextId.textContent = String(nextId);

        const entry = logFrame('sent', text, {
            kind: id === null ? 'notification' : 'call',
            ids: id === null ? [] : [id],
            method,
        });
        if (id !== null) {
            pending.set(id, { method, sentAt: performance.now(), entry, onReply });
        }
        return id;
    }

    function loadMethods() {
        send('system.methods', undefined, false, (reply) => {
            if (!Array.isArray(reply.result)) {
                logLocal('system.methods did not return a list', true);
                return;
            }
            const names = reply.result
                .map((m) => (typeof m === 'string' ? m : m && (m.name || m.method)))
                .filter((name) => typeof name === 'string')
                .sort();
            ui.methods.replaceChildren(...names.map((name) => new Option(name, name)));
            logLocal(`${names.length} methods offered in the method field`);
        });
    }

    function abandonPending(why) {
        for (const call of pending.values()) {
            call.entry.classList.add('unanswered');
            addNote(call.entry, why, 'error');
        }
        pending.clear();
    }

    // ---- received frames --------------------------------------------------------------------

    function received(text) {
        const arrivedAt = performance.now();
        let message;
        try {
            message = JSON.parse(text);
        } catch (e) {
            logFrame('received', text, { kind: 'unparsable', error: true, note: 'not JSON' });
            return;
        }
        const items = Array.isArray(message) ? message : [message];
        const matches = items.map((item) => match(item, arrivedAt));
        const entry = logFrame('received', text, describe(message, items, matches));
        matches.forEach((m) => m.call && m.call.onReply && m.call.onReply(m.item, entry));
    }

    /** Pairs one reply object with its pending call, if it has one. */
    function match(item, arrivedAt) {
        const isObject = item !== null && typeof item === 'object';
        const id = isObject ? item.id : undefined;
        const call = id !== undefined && id !== null ? pending.get(id) : undefined;
        if (!call) {
            return { item, id, call: null, error: isObject && 'error' in item };
        }
        pending.delete(id);
        const rtt = arrivedAt - call.sentAt;
        const error = 'error' in item;
        call.entry.classList.add(error ? 'answered-error' : 'answered');
        addNote(call.entry, `${error ? 'error reply' : 'reply'} in ${formatMillis(rtt)}`, error ? 'error' : 'ok');
        return { item, id, call, rtt, error };
    }

    /** The log entry's label for a received frame: reply, push, error, or batch. */
    function describe(message, items, matches) {
        const ids = matches.filter((m) => m.call).map((m) => m.id);
        const error = matches.some((m) => m.error);
        if (Array.isArray(message)) {
            const rtts = matches.filter((m) => m.call).map((m) => formatMillis(m.rtt));
            return { kind: `batch of ${items.length}`, ids, error, note: rtts.join(', ') };
        }
        const [only] = matches;
        if (only.call) {
            const detail = only.error ? errorText(message.error) : '';
            return { kind: only.error ? 'error' : 'reply', ids, method: only.call.method,
                rtt: only.rtt, error, note: detail };
        }
        if (message && typeof message === 'object' && 'method' in message && !('id' in message)) {
            return { kind: 'push', method: String(message.method), ids: [] };
        }
        if (error) {
            return { kind: 'error', ids: [], error, note: errorText(message.error) };
        }
        return { kind: 'unmatched', ids: [], note: 'no call waiting for this id' };
    }

    function errorText(error) {
        if (!error || typeof error !== 'object') {
            return '';
        }
        return `${error.code ?? ''} ${error.message ?? ''}`.trim();
    }

    // ---- log --------------------------------------------------------------------------------

    /** Adds a frame to the log: direction, time, kind, id badges, method, round trip, frame text. */
    function logFrame(direction, text, { kind, ids = [], method, rtt, error = false, note }) {
        const entry = document.createElement('li');
        entry.className = `entry ${direction} kind-${kind.split(' ')[0].replace(/[^a-z]/g, '')}`;
        entry.classList.toggle('error', error);
        entry.dataset.ids = ids.join(' ');
        entry.frameText = text;

        const meta = element('div', 'meta');
        meta.append(
            element('time', 'time', clock(new Date())),
            element('span', 'direction', direction === 'sent' ? '→' : '←'),
            element('span', 'kind', kind));
        for (const id of ids) {
            const badge = element('span', 'badge', `#${id}`);
            badge.style.setProperty('--hue', String(hue(id)));
            meta.append(badge);
        }
        if (method) {
            meta.append(element('span', 'method', method));
        }
        if (rtt !== undefined) {
            meta.append(element('span', 'rtt', formatMillis(rtt)));
        }
        if (note) {
            meta.append(element('span', 'note', note));
        }
        entry.append(meta, element('pre', 'frame', render(text)));
        append(entry);
        return entry;
    }

    function logLocal(text, error = false) {
        const entry = document.createElement('li');
        entry.className = 'entry local';
        entry.classList.toggle('error', error);
        entry.dataset.ids = '';
        const meta = element('div', 'meta');
        meta.append(element('time', 'time', clock(new Date())), element('span', 'kind', error ? 'error' : 'info'),
            element('span', 'message', text));
        entry.append(meta);
        append(entry);
        return entry;
    }

    function append(entry) {
        ui.log.append(entry);
        while (ui.log.children.length > MAX_LOG_ENTRIES) {
            ui.log.firstElementChild.remove();
        }
        if (ui.follow.checked) {
            entry.scrollIntoView({ block: 'end' });
        }
    }

    function addNote(entry, text, tone) {
        entry.querySelector('.meta').append(element('span', `note ${tone}`, text));
    }

    function render(text) {
        if (!ui.pretty.checked) {
            return text;
        }
        try {
            return JSON.stringify(JSON.parse(text), null, 2);
        } catch (e) {
            return text;
        }
    }

    /** Lights up every entry that shares an id with the hovered one: a call and its reply. */
    function highlightRelated(event) {
        const entry = event.target.closest('.entry');
        for (const lit of ui.log.querySelectorAll('.entry.linked')) {
            lit.classList.remove('linked');
        }
        if (event.type !== 'mouseover' || !entry || !entry.dataset.ids) {
            return;
        }
        for (const id of entry.dataset.ids.split(' ')) {
            for (const related of ui.log.querySelectorAll(`.entry[data-ids~="${CSS.escape(id)}"]`)) {
                related.classList.add('linked');
            }
        }
    }

    // ---- small helpers ----------------------------------------------------------------------

    function element(tag, className, text) {
        const el = document.createElement(tag);
        el.className = className;
        if (text !== undefined) {
            el.textContent = text;
        }
        return el;
    }

    function clock(date) {
        const two = (n) => String(n).padStart(2, '0');
        return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.`
            + String(date.getMilliseconds()).padStart(3, '0');
    }

    function formatMillis(ms) {
        return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;
    }

    /** A stable colour per id, so a reply's badge matches its call's. */
    function hue(id) {
        return Math.round((Number(id) * 137.508) % 360);
    }

    // ---- wiring -----------------------------------------------------------------------------

    ui.url.value = defaultUrl(window.location);
    setStatus('disconnected', 'disconnected');

    ui.connectionForm.addEventListener('submit', (event) => {
        event.preventDefault();
        connect();
    });
    ui.disconnect.addEventListener('click', disconnect);
    ui.callForm.addEventListener('submit', (event) => {
        event.preventDefault();
        sendFromForm();
    });
    ui.callForm.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            sendFromForm();
        }
    });
    ui.params.addEventListener('input', () => ui.params.classList.remove('invalid'));
    ui.loadMethods.addEventListener('click', loadMethods);
    ui.clear.addEventListener('click', () => ui.log.replaceChildren());
    ui.pretty.addEventListener('change', () => {
        for (const pre of ui.log.querySelectorAll('.entry .frame')) {
            pre.textContent = render(pre.closest('.entry').frameText);
        }
    });
    ui.log.addEventListener('mouseover', highlightRelated);
    ui.log.addEventListener('mouseleave', highlightRelated);

    // Served by a gateway's server: connect to it at once, so Send works without a click first.
    if (window.location.protocol === 'http:' || window.location.protocol === 'https:') {
        connect();
    }
})();
