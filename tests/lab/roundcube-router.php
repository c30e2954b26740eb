<?php
/**
 * The router of the lab's `php -S`: Roundcube as Debian ships it, unless a test asked for one of
 * the faults a real installation shows on a bad day (tests/lab/webmail-lab.ts, `lab.fault()`):
 *
 * - `late-compose-init`: Roundcube's own app.min.js, with `rcmail.init()` put off by `delayMs`, to
 *   compose pages only: a slow PC, where jQuery's ready comes after the extension's document_idle.
 * - `lose-compose`: a new compose is sent on to a compose ID the session does not have, so the page
 *   is Roundcube's real answer for a lost compose (error 450): what happens when another tab's
 *   request writes the session back without the compose's data.
 *
 * Each fault is served `left` more times; the file counts what was served. The server runs this
 * before every request, and `return false` hands the request to the built-in server as usual.
 */
$faultsFile = getenv('KHIENTHU_LAB_FAULTS');

/** Takes one serving of the fault `$name`, if it has any left: its settings, or null. */
function khienthu_take_fault($file, $name)
{
    if (!$file || !is_file($file)) {
        return null;
    }
    $handle = fopen($file, 'c+');
    if (!$handle) {
        return null;
    }
    flock($handle, LOCK_EX);
    $faults = json_decode(stream_get_contents($handle), true) ?: [];
    $fault = null;
    if (!empty($faults[$name]) && $faults[$name]['left'] > 0) {
        $faults[$name]['left'] -= 1;
        $faults[$name]['served'] += 1;
        $fault = $faults[$name];
        ftruncate($handle, 0);
        rewind($handle);
        fwrite($handle, json_encode($faults));
        fflush($handle);
    }
    flock($handle, LOCK_UN);
    fclose($handle);
    return $fault;
}

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
parse_str((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_QUERY), $query);

if ($path === '/program/js/app.min.js') {
    parse_str((string) parse_url($_SERVER['HTTP_REFERER'] ?? '', PHP_URL_QUERY), $page);
    if (($page['_action'] ?? '') === 'compose' && ($fault = khienthu_take_fault($faultsFile, 'late-compose-init'))) {
        $script = file_get_contents($_SERVER['DOCUMENT_ROOT'] . $path);
        $hook = 'this.init=function(){';
        if (substr_count($script, $hook) !== 1) {
            http_response_code(500);
            echo "app.min.js has no single \"$hook\": Roundcube changed, change tests/lab/roundcube-router.php";
            return true;
        }
        $delay = (int) $fault['delayMs'];
        header('Content-Type: text/javascript');
        header('Cache-Control: no-store');
        echo str_replace($hook, $hook . "if(!this.lateForTest){var self=this;this.lateForTest=1;return setTimeout(function(){self.init()},$delay)}", $script);
        return true;
    }
    return false;
}

if (($query['_task'] ?? '') === 'mail' && ($query['_action'] ?? '') === 'compose' && !isset($query['_id'])
    && ($fault = khienthu_take_fault($faultsFile, 'lose-compose'))) {
    header('Location: ./?_task=mail&_action=compose&_id=lost' . $fault['served'], true, 302);
    return true;
}

return false;
