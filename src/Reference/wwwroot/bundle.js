// The ISUketch browser client. Plain JavaScript, no build step and no dependencies:
// the server renders every page, and this script makes the top page's form and the
// drawing page come alive.
'use strict';

(() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const csrfToken = document.documentElement.dataset.csrfToken;

  // Only the token that created a room may draw its first stroke, yet every page view
  // hands out a fresh token. The creator's token is therefore carried from the top page
  // to the new room's page in sessionStorage (it stays valid for a day).
  const ownerTokenKey = (roomId) => `isuketch.owner-token.${roomId}`;

  const postJson = async (url, token, payload) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(payload),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    return body;
  };

  const showTopPage = () => {
    const form = document.getElementById('create-room-form');
    if (!form) return;
    const status = form.querySelector('.form-status');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = new FormData(form);
      const button = form.querySelector('button');
      button.disabled = true;
      status.textContent = 'Creating…';
      try {
        const { room } = await postJson('/api/rooms', csrfToken, {
          name: String(fields.get('name')).trim(),
          canvas_width: Number(fields.get('canvas_width')),
          canvas_height: Number(fields.get('canvas_height')),
        });
        sessionStorage.setItem(ownerTokenKey(room.id), csrfToken);
        location.assign(`/rooms/${room.id}`);
      } catch (error) {
        status.textContent = `Could not create the room: ${error.message}`;
        button.disabled = false;
      }
    });
  };

  const hexToRgb = (hex) => {
    const value = Number.parseInt(hex.slice(1), 16);
    return { red: (value >> 16) & 255, green: (value >> 8) & 255, blue: value & 255 };
  };

  // Same attributes as the server-rendered polylines, so live and loaded strokes look alike.
  const polylineFor = (stroke) => {
    const element = document.createElementNS(SVG_NS, 'polyline');
    element.setAttribute('stroke', `rgba(${stroke.red},${stroke.green},${stroke.blue},${stroke.alpha})`);
    element.setAttribute('stroke-width', String(stroke.width));
    element.setAttribute('stroke-linecap', 'round');
    element.setAttribute('stroke-linejoin', 'round');
    element.setAttribute('fill', 'none');
    element.setAttribute('points', stroke.points.map((p) => `${p.x},${p.y}`).join(' '));
    return element;
  };

  const showRoomPage = () => {
    const main = document.querySelector('main[data-room-id]');
    const svg = document.getElementById('canvas');
    if (!main || !svg) return;
    const roomId = main.dataset.roomId;
    const watcherCount = document.querySelector('.watcher_count');
    const status = document.querySelector('.draw-status');
    const widthInput = document.getElementById('stroke-width');
    const widthValue = document.getElementById('stroke-width-value');
    const colourInput = document.getElementById('stroke-colour');
    const alphaInput = document.getElementById('stroke-alpha');
    const drawToken = sessionStorage.getItem(ownerTokenKey(roomId)) || csrfToken;

    // Stroke ids already on the canvas: the stream replays the room's strokes on every
    // (re)connection and also echoes our own, so each id is drawn once.
    const shown = new Set(Array.from(svg.querySelectorAll('polyline[id]'), (p) => p.id));
    const addStroke = (stroke) => {
      const id = String(stroke.id);
      if (shown.has(id)) return;
      shown.add(id);
      const element = polylineFor(stroke);
      element.id = id;
      svg.appendChild(element);
    };

    // Tools: width slider, colour swatches or any colour, opacity.
    widthInput.addEventListener('input', () => { widthValue.textContent = widthInput.value; });
    const swatches = document.querySelectorAll('.rc-color-picker-swatch');
    const markSwatch = () => {
      for (const swatch of swatches) {
        swatch.setAttribute('aria-pressed', String(swatch.dataset.colour === colourInput.value));
      }
    };
    for (const swatch of swatches) {
      swatch.addEventListener('click', () => { colourInput.value = swatch.dataset.colour; markSwatch(); });
    }
    colourInput.addEventListener('input', markSwatch);
    markSwatch();

    // The stroke style chosen in the toolbar right now.
    const drawingDefaults = () => ({
      width: Number(widthInput.value),
      ...hexToRgb(colourInput.value),
      alpha: Number(alphaInput.value),
    });

    // Pointer position in canvas units, whatever the SVG's on-screen size (it scales to fit).
    const toCanvas = (event) => {
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
      const round = (v) => Math.round(v * 100) / 100;
      return { x: round(point.x), y: round(point.y) };
    };

    // The server accepts at most 10,000 points per stroke; a longer drag is sent in pieces.
    const MAX_POINTS = 10000;
    let drawing = null; // { pointerId, stroke, element } while a pointer is down
    svg.addEventListener('pointerdown', (event) => {
      if (drawing || event.button !== 0) return;
      event.preventDefault();
      svg.setPointerCapture(event.pointerId);
      const stroke = { ...drawingDefaults(), points: [toCanvas(event)] };
      drawing = { pointerId: event.pointerId, stroke, element: polylineFor(stroke) };
      svg.appendChild(drawing.element);
    });
    const finishStroke = () => {
      const { stroke, element } = drawing;
      drawing = null;
      // A click leaves one point, which SVG would not paint; doubling it shows a round dot.
      if (stroke.points.length === 1) stroke.points.push({ ...stroke.points[0] });
      void sendStroke(stroke, element);
    };
    svg.addEventListener('pointermove', (event) => {
      if (!drawing || event.pointerId !== drawing.pointerId) return;
      const points = drawing.stroke.points;
      const point = toCanvas(event);
      const last = points[points.length - 1];
      if (Math.hypot(point.x - last.x, point.y - last.y) < 1) return; // sub-unit jitter adds nothing
      points.push(point);
      drawing.element.setAttribute('points', points.map((p) => `${p.x},${p.y}`).join(' '));
      if (points.length >= MAX_POINTS) {
        const pointerId = drawing.pointerId;
        finishStroke();
        // Carry on drawing from where the full stroke ended.
        const stroke = { ...drawingDefaults(), points: [point] };
        drawing = { pointerId, stroke, element: polylineFor(stroke) };
        svg.appendChild(drawing.element);
      }
    });
    svg.addEventListener('pointerup', (event) => {
      if (!drawing || event.pointerId !== drawing.pointerId) return;
      finishStroke();
    });
    svg.addEventListener('pointercancel', (event) => {
      if (!drawing || event.pointerId !== drawing.pointerId) return;
      drawing.element.remove();
      drawing = null;
    });

    const sendStroke = async (stroke, element) => {
      try {
        const { stroke: stored } = await postJson(`/api/strokes/rooms/${roomId}`, drawToken, stroke);
        // The server's copy replaces the draft, unless the stream delivered it first.
        element.remove();
        addStroke(stored);
        status.textContent = '';
      } catch (error) {
        element.remove();
        status.textContent = `Stroke not saved: ${error.message}`;
      }
    };

    // Live strokes and watcher count. A server may end the response every few seconds;
    // EventSource then reconnects by itself, sending Last-Event-ID so nothing repeats.
    const stream = new EventSource(`/api/stream/rooms/${roomId}?csrf_token=${encodeURIComponent(csrfToken)}`);
    stream.addEventListener('watcher_count', (event) => { watcherCount.textContent = event.data; });
    stream.addEventListener('stroke', (event) => { addStroke(JSON.parse(event.data)); });
    stream.addEventListener('bad_request', (event) => {
      status.textContent = `Live updates stopped: ${event.data}`;
      stream.close();
    });
    stream.addEventListener('error', () => {
      if (stream.readyState === EventSource.CLOSED) status.textContent = 'Live updates stopped; reload the page.';
    });
  };

  if (document.body.dataset.page === 'top') showTopPage();
  else if (document.body.dataset.page === 'room') showRoomPage();
})();
