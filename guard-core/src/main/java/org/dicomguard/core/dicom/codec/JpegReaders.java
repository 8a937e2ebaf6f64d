package org.dicomguard.core.dicom.codec;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Creates TwelveMonkeys JPEG readers without going through ImageIO's reader lookup, which would
 * return whichever JPEG plugin happens to be registered first.
 *
 * <p>Design note: TwelveMonkeys' reader wraps the JDK's JPEG reader (it hands baseline
 * decoding to it); a new SPI instance only finds that delegate when it is registered. Our own
 * instance is registered, once, in a private registry next to the JDK's JPEG SPI (picked by
 * class name), which gives it its delegate without touching the global IIORegistry or depending
 * on its plugin order. Readers are then created from that SPI directly, one per frame.
 */
final class JpegReaders {
    private static final String JDK_JPEG_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final ImageReaderSpi JDK_SPI = findJdkSpi();
    private static final JPEGImageReaderSpi SPI = JDK_SPI == null ? null : createSpi(JDK_SPI);

    private JpegReaders() {
    }

    /**
     * @return a new TwelveMonkeys JPEG reader; the caller disposes it
     * @throws IllegalStateException when the JDK has no JPEG reader to delegate to
     */
    static ImageReader newTwelveMonkeysReader() {
        if (SPI == null) {
            throw new IllegalStateException("the JDK JPEG reader " + JDK_JPEG_SPI + " is not available");
        }
        try {
            return SPI.createReaderInstance(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImageReaderSpi findJdkSpi() {
        ImageReaderSpi jdkSpi = null;
        Iterator<ImageReaderSpi> providers =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            ImageReaderSpi candidate = providers.next();
            if (candidate.getClass().getName().equals(JDK_JPEG_SPI)) {
                jdkSpi = candidate;
            }
        }
        return jdkSpi;
    }

    private static JPEGImageReaderSpi createSpi(ImageReaderSpi jdkSpi) {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        registry.registerServiceProvider(jdkSpi, ImageReaderSpi.class);
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        registry.registerServiceProvider(spi, ImageReaderSpi.class);
        return spi;
    }
}
