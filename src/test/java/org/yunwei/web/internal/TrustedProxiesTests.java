package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

	@Test
	void forwardedHeadersAreIgnoredWhenNoProxyIsConfigured() {
		assertThat(TrustedProxies.valveFor(List.of())).isNull();
		assertThat(TrustedProxies.valveFor(List.of(" "))).isNull();
	}

	@Test
	void aRequestForwardedOverTlsByATrustedProxyIsSecureAndFromTheClient() throws Exception {
		var seen = forward(List.of("127.0.0.1"), "127.0.0.1");
		assertThat(seen.isSecure()).isTrue();
		assertThat(seen.getScheme()).isEqualTo("https");
		assertThat(seen.getServerName()).isEqualTo("yunwei.example.gov.cn");
		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
	}

	@Test
	void theSameHeadersFromAnAddressThatIsNotAProxyAreIgnored() throws Exception {
		var seen = forward(List.of("10.0.0.0/8", "192.168.1.5"), "127.0.0.1");
		assertThat(seen.isSecure()).isFalse();
		assertThat(seen.getScheme()).isEqualTo("http");
		assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
	}

	@Test
	void rangesAndSingleAddressesAreBothTrusted() throws Exception {
		assertThat(forward(List.of("10.0.0.0/8", "192.168.1.5"), "10.20.30.40").isSecure()).isTrue();
		assertThat(forward(List.of("10.0.0.0/8", "192.168.1.5"), "192.168.1.5").isSecure()).isTrue();
		assertThat(forward(List.of("10.0.0.0/8", "192.168.1.5"), "192.168.1.6").isSecure()).isFalse();
	}

	private static Seen forward(List<String> proxies, String peer) throws Exception {
		RemoteIpValve valve = TrustedProxies.valveFor(proxies);
		var request = new Request(new Connector(), new org.apache.coyote.Request());
		request.setRemoteAddr(peer);
		request.setRemoteHost(peer);
		request.getCoyoteRequest().scheme().setString("http");
		request.getCoyoteRequest().serverName().setString("localhost");
		request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-Proto").setString("https");
		request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString("203.0.113.7");
		request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-Host").setString("yunwei.example.gov.cn");
		var seen = new Seen[1];
		valve.setNext(new ValveBase() {
			@Override
			public void invoke(Request forwarded, Response response) {
				seen[0] = new Seen(forwarded.isSecure(), forwarded.getScheme(), forwarded.getServerName(),
						forwarded.getRemoteAddr());
			}
		});
		valve.invoke(request, null);
		return seen[0];
	}

	private record Seen(boolean isSecure, String getScheme, String getServerName, String getRemoteAddr) {
	}
}
