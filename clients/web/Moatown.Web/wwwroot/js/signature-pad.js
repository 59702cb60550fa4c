// The signature pad of the resident pages: no library, no inline script. Draws with pointer events
// (finger, pen or mouse) on a canvas and keeps the strokes; undo, redo and clear; or draws a typed
// name onto the canvas, so the form can be completed from the keyboard alone. What is drawn goes into
// the form's hidden field as the signing API takes it: {strokes, width, height} in CSS pixels of the
// box, or {png} (base64) for a typed name.
(function () {
    "use strict";

    function setUp(pad) {
        var canvas = pad.querySelector("canvas");
        var field = pad.querySelector("[data-signature-value]");
        var typed = pad.querySelector("[data-signature-typed]");
        var status = pad.querySelector("[data-signature-status]");
        var context = canvas.getContext("2d");
        var strokes = [];
        var undone = [];
        var cleared = null;
        var current = null;
        var size = { width: 0, height: 0 };

        function resize() {
            var box = canvas.getBoundingClientRect();
            var ratio = window.devicePixelRatio || 1;
            size = { width: Math.max(1, Math.round(box.width)), height: Math.max(1, Math.round(box.height)) };
            canvas.width = Math.round(size.width * ratio);
            canvas.height = Math.round(size.height * ratio);
            context.setTransform(ratio, 0, 0, ratio, 0, 0);
            redraw();
        }

        function ink() {
            context.lineWidth = 3;
            context.lineCap = "round";
            context.lineJoin = "round";
            context.strokeStyle = "#000";
            context.fillStyle = "#000";
        }

        function redraw() {
            context.clearRect(0, 0, size.width, size.height);
            ink();
            if (typed.value.trim() && strokes.length === 0) {
                drawName(typed.value.trim());
                return;
            }
            strokes.concat(current ? [current] : []).forEach(function (stroke) {
                context.beginPath();
                stroke.forEach(function (point, index) {
                    if (index === 0) context.moveTo(point.x, point.y); else context.lineTo(point.x, point.y);
                });
                if (stroke.length === 1) context.lineTo(stroke[0].x + 0.1, stroke[0].y);
                context.stroke();
            });
        }

        function drawName(name) {
            var fontSize = Math.min(size.height * 0.5, 72);
            context.font = "italic " + fontSize + "px serif";
            while (fontSize > 12 && context.measureText(name).width > size.width * 0.9) {
                fontSize -= 2;
                context.font = "italic " + fontSize + "px serif";
            }
            context.textAlign = "center";
            context.textBaseline = "middle";
            context.fillText(name, size.width / 2, size.height / 2);
        }

        function say(text) {
            if (status) status.textContent = text || "";
        }

        // Writes what the canvas shows into the hidden field.
        function store() {
            var drawn = strokes.filter(function (stroke) { return stroke.length > 1; }).map(function (stroke) {
                return stroke.map(function (p) {
                    return {
                        x: Math.round(Math.min(Math.max(p.x, 0), size.width) * 10) / 10,
                        y: Math.round(Math.min(Math.max(p.y, 0), size.height) * 10) / 10
                    };
                });
            });
            if (drawn.length > 0) {
                field.value = JSON.stringify({ strokes: drawn, width: size.width, height: size.height });
                say(pad.getAttribute("data-drawn-text"));
            } else if (typed.value.trim()) {
                field.value = JSON.stringify({ png: canvas.toDataURL("image/png").split(",")[1] });
                say(pad.getAttribute("data-typed-text"));
            } else {
                field.value = "";
                say(pad.getAttribute("data-empty-text"));
            }
        }

        function pointOf(event) {
            var box = canvas.getBoundingClientRect();
            var x = Math.min(Math.max(event.clientX - box.left, 0), size.width);
            var y = Math.min(Math.max(event.clientY - box.top, 0), size.height);
            return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
        }

        canvas.addEventListener("pointerdown", function (event) {
            event.preventDefault();
            if (typed.value) {
                typed.value = "";
            }
            canvas.setPointerCapture(event.pointerId);
            current = [pointOf(event)];
            redraw();
        });
        canvas.addEventListener("pointermove", function (event) {
            if (!current) return;
            event.preventDefault();
            current.push(pointOf(event));
            redraw();
        });
        function end() {
            if (!current) return;
            strokes.push(current);
            current = null;
            undone = [];
            cleared = null;
            redraw();
            store();
        }
        canvas.addEventListener("pointerup", end);
        canvas.addEventListener("pointercancel", end);

        pad.querySelector("[data-signature-undo]").addEventListener("click", function () {
            if (strokes.length > 0) {
                undone.push(strokes.pop());
            } else if (cleared) {
                strokes = cleared;
                cleared = null;
            }
            redraw();
            store();
        });
        pad.querySelector("[data-signature-redo]").addEventListener("click", function () {
            if (undone.length > 0) strokes.push(undone.pop());
            redraw();
            store();
        });
        pad.querySelector("[data-signature-clear]").addEventListener("click", function () {
            if (strokes.length > 0) cleared = strokes;
            strokes = [];
            undone = [];
            typed.value = "";
            redraw();
            store();
        });
        typed.addEventListener("input", function () {
            if (typed.value.trim()) {
                strokes = [];
                undone = [];
                cleared = null;
            }
            redraw();
            store();
        });

        // A form shown again (a refusal) keeps the drawing it had.
        try {
            var before = field.value ? JSON.parse(field.value) : null;
            if (before && Array.isArray(before.strokes)) {
                resize();
                var scaleX = size.width / (before.width || size.width);
                var scaleY = size.height / (before.height || size.height);
                strokes = before.strokes.map(function (stroke) {
                    return stroke.map(function (p) { return { x: p.x * scaleX, y: p.y * scaleY }; });
                });
            }
        } catch (e) {
            strokes = [];
        }
        resize();
        store();
        window.addEventListener("resize", function () {
            // Points are kept in the box's pixels; a new box size scales them along.
            var old = size;
            resize();
            if (old.width && old.height && (old.width !== size.width || old.height !== size.height)) {
                strokes = strokes.map(function (stroke) {
                    return stroke.map(function (p) { return { x: p.x * size.width / old.width, y: p.y * size.height / old.height }; });
                });
                redraw();
                store();
            }
        });
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-signature-pad]"), setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
