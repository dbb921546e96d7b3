// Yunwei (运维) media type for Zabbix 6.0 and later: posts one JSON event per Zabbix message to
// POST <yunwei_url> (normally https://<yunwei>/api/v1/alerts/zabbix) with the integration account's API token as
// "Authorization: Bearer". The JSON is exactly what Yunwei accepts (see docs/integrations/alerts.md):
//
//   {"event_id": "8432", "event_value": "1", "event_update_status": "0", "event_name": "...",
//    "severity": "High", "event_nseverity": "4", "event_date": "2026.11.22", "event_time": "10:15:00",
//    "event_recovery_date": null, "event_recovery_time": null, "event_opdata": "...",
//    "event_tags": [{"tag": "service", "value": "mysql"}], "event_update_action": null,
//    "event_update_message": null, "event_update_user": null, "host": "db01", "host_ip": "10.20.0.9",
//    "host_groups": "Databases, Linux servers", "trigger_id": "23011", "event_url": "https://...", "message": "..."}
//
// A recovery and an update carry the problem's {EVENT.ID}, so Yunwei keeps one incident per problem. Macros Zabbix
// could not expand (e.g. {EVENT.RECOVERY.DATE} in a problem message) are sent as null. The answer's ticket number and
// id become the event tags __yunwei_ticket_number and __yunwei_ticket_id (with "Process tags" on).

var FIELDS = ['event_id', 'event_value', 'event_update_status', 'event_name', 'severity', 'event_nseverity',
    'event_date', 'event_time', 'event_recovery_date', 'event_recovery_time', 'event_opdata',
    'event_update_action', 'event_update_message', 'event_update_user', 'host', 'host_ip', 'host_groups',
    'trigger_id', 'event_url', 'message'];

function expanded(value) {
    if (typeof value !== 'string' || value === '' || /^\{[A-Z0-9_.$:]+\}$/.test(value)) {
        return null;
    }
    return value;
}

function tags(value) {
    var text = expanded(value);
    if (text === null) {
        return [];
    }
    try {
        var parsed = JSON.parse(text);
        return Array.isArray(parsed) ? parsed : [];
    }
    catch (error) {
        Zabbix.log(3, '[Yunwei webhook] event_tags is not {EVENT.TAGSJSON}: ' + text);
        return [];
    }
}

try {
    var params = JSON.parse(value);
    var url = expanded(params.yunwei_url);
    var token = expanded(params.yunwei_token);
    if (url === null) {
        throw 'Parameter "yunwei_url" is missing: the address of /api/v1/alerts/zabbix.';
    }
    if (token === null) {
        throw 'Parameter "yunwei_token" is missing: put the integration account\'s API token in the user media '
            + '"Send to".';
    }

    var body = {};
    for (var i = 0; i < FIELDS.length; i++) {
        body[FIELDS[i]] = expanded(params[FIELDS[i]]);
    }
    body.event_tags = tags(params.event_tags);

    var request = new HttpRequest();
    if (expanded(params.http_proxy) !== null) {
        request.setProxy(params.http_proxy);
    }
    request.addHeader('Content-Type: application/json');
    request.addHeader('Authorization: Bearer ' + token);
    var response = request.post(url, JSON.stringify(body));
    var status = request.getStatus();
    Zabbix.log(4, '[Yunwei webhook] event ' + body.event_id + ': ' + status + ' ' + response);
    if (status !== 200) {
        // 400: not our format; 401/403: the token; 422: no alert route takes it (see the answer's detail)
        throw 'Yunwei answered ' + status + ': ' + response;
    }

    var outcome = JSON.parse(response);
    var result = {tags: {}};
    if (outcome.number) {
        result.tags.__yunwei_ticket_number = outcome.number;
        result.tags.__yunwei_ticket_id = String(outcome.ticketId);
    }
    return JSON.stringify(result);
}
catch (error) {
    Zabbix.log(3, '[Yunwei webhook] failed: ' + error);
    throw 'Sending to Yunwei failed: ' + error;
}
