package org.clw.ledger.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.clw.ledger.events.participant.ParticipantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keys in the file {@code participant-keys} of the data directory ({@code clw.privacy.key-store=file}, the standalone
 * system's store), each wrapped under the {@link MasterKey}, in fixed slots of 128 bytes. Erasure overwrites the key's
 * slot in place with zeros and forces it to disk: unlike a log-structured store (MongoDB's, H2's MVStore), no earlier
 * copy of the key is left behind in a file the system writes. The first slot is a header whose sealed check value
 * tells at start whether the configured master key is the one the keys were wrapped under.
 */
@Component
@ConditionalOnProperty(name = "clw.privacy.key-store", havingValue = "file")
class FileParticipantKeys implements ParticipantKeys, AutoCloseable {

    static final String FILE_NAME = "participant-keys";
    static final int SLOT_BYTES = 128;
    private static final byte[] MAGIC = "CLWKEYS1".getBytes(StandardCharsets.US_ASCII);
    private static final String CHECK = "clw-ledger participant key file";
    private static final byte EMPTY = 0;
    private static final byte LIVE = 1;
    private static final byte DESTROYED = 2;
    private static final int ID_BYTES = 16;
    private static final int WRAPPED_BYTES = 60;
    private static final int TIME_OFFSET = 2 + ID_BYTES;
    private static final int KEY_OFFSET = TIME_OFFSET + Long.BYTES;

    private final MasterKey masterKey;
    private final Clock clock;
    private final FileChannel file;
    private final Map<String, Slot> slots = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private long nextSlot;

    /** Keys an earlier release kept in MongoDB are moved into the file before any is used. */
    @Autowired
    FileParticipantKeys(MasterKey masterKey, Clock clock, @Value("${clw.data-dir:./data}") Path dataDir,
            ObjectProvider<MongoTemplate> mongo) {
        this(masterKey, clock, dataDir.resolve(FILE_NAME));
        mongo.ifAvailable(template -> KeysMovedFromMongo.move(template, this, masterKey, dataDir));
    }

    FileParticipantKeys(MasterKey masterKey, Clock clock, Path path) {
        this.masterKey = masterKey;
        this.clock = clock;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (file.size() == 0) {
                writeHeader();
            }
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("The participant key file cannot be opened: " + path, e);
        }
    }

    @Override
    public synchronized SecretKey keyFor(ParticipantId participantId) {
        Slot slot = slots.get(participantId.value());
        if (slot != null) {
            return key(slot, participantId).orElseThrow(() -> new KeyDestroyed(participantId));
        }
        SecretKey key = newKey();
        adopt(participantId, key.getEncoded());
        return key;
    }

    @Override
    public synchronized Optional<SecretKey> existingKey(ParticipantId participantId) {
        Slot slot = slots.get(participantId.value());
        return slot == null ? Optional.empty() : key(slot, participantId);
    }

    @Override
    public synchronized void destroy(ParticipantId participantId) {
        Slot slot = slots.get(participantId.value());
        if (slot != null && slot.wrapped() == null) {
            return;
        }
        long index = slot == null ? nextSlot++ : slot.index();
        write(index, DESTROYED, participantId.value(), null);
        slots.put(participantId.value(), new Slot(index, null));
    }

    /** Keeps a key made elsewhere (moved from an earlier store); a participant who already has a slot keeps it. */
    synchronized void adopt(ParticipantId participantId, byte[] key) {
        if (slots.containsKey(participantId.value())) {
            return;
        }
        byte[] wrapped = masterKey.wrap(participantId.value(), key);
        long index = nextSlot++;
        write(index, LIVE, participantId.value(), wrapped);
        slots.put(participantId.value(), new Slot(index, wrapped));
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SLOT_BYTES);
        header.put(MAGIC).put(masterKey.wrap(CHECK, CHECK.getBytes(StandardCharsets.US_ASCII)));
        file.write(header.flip(), 0);
        file.force(true);
    }

    private void load() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SLOT_BYTES);
        file.read(header, 0);
        byte[] magic = Arrays.copyOf(header.array(), MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalStateException("The participant key file is not one this system wrote");
        }
        byte[] check = Arrays.copyOfRange(header.array(), MAGIC.length, MAGIC.length + 12 + 16 + CHECK.length());
        try {
            masterKey.unwrap(CHECK, check);
        } catch (AesGcm.TamperedWith e) {
            throw new IllegalStateException("The participant keys were wrapped under another master key than the one "
                    + "configured (clw.privacy.master-key or clw.privacy.master-key-file)");
        }
        long count = file.size() / SLOT_BYTES;
        nextSlot = 1;
        for (long index = 1; index < count; index++) {
            ByteBuffer buffer = ByteBuffer.allocate(SLOT_BYTES);
            file.read(buffer, index * SLOT_BYTES);
            byte[] slot = buffer.array();
            if (slot[0] == EMPTY) {
                continue;
            }
            String id = new String(slot, 2, slot[1], StandardCharsets.US_ASCII);
            slots.put(id, new Slot(index, slot[0] == LIVE
                    ? Arrays.copyOfRange(slot, KEY_OFFSET, KEY_OFFSET + WRAPPED_BYTES) : null));
            nextSlot = index + 1;
        }
    }

    /** Writes the whole slot in place (a destroyed key's bytes become zeros) and forces it to disk. */
    private void write(long index, byte state, String id, byte[] wrapped) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        if (idBytes.length > ID_BYTES) {
            throw new IllegalArgumentException("A participant id longer than " + ID_BYTES + " characters");
        }
        ByteBuffer slot = ByteBuffer.allocate(SLOT_BYTES);
        slot.put(state).put((byte) idBytes.length).put(idBytes).position(TIME_OFFSET)
                .putLong(clock.millis());
        if (wrapped != null) {
            slot.put(wrapped);
        }
        slot.position(SLOT_BYTES);
        try {
            file.write(slot.flip(), index * SLOT_BYTES);
            file.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("The participant key file cannot be written", e);
        }
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    private Optional<SecretKey> key(Slot slot, ParticipantId participantId) {
        return slot.wrapped() == null ? Optional.empty()
                : Optional.of(new SecretKeySpec(masterKey.unwrap(participantId.value(), slot.wrapped()), "AES"));
    }

    /** Where a participant's key is, and its wrapped bytes; none once destroyed. */
    private record Slot(long index, byte[] wrapped) {
    }
}
